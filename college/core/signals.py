from celery.signals import worker_ready


@worker_ready.connect
def announce_worker(sender=None, **kwargs):
    # Tell /healthz at once that a worker is up, instead of waiting for beat.
    from .tasks import record_worker_heartbeat

    try:
        record_worker_heartbeat(getattr(sender, "hostname", None))
    except Exception:  # the database may not be migrated yet
        pass
