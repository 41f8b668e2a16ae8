import socket

from celery import shared_task
from django.utils import timezone


@shared_task(ignore_result=True)
def record_worker_heartbeat(hostname: str | None = None) -> None:
    """Record that a worker is alive; beat schedules it every 30 seconds."""
    from .models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        hostname=hostname or socket.gethostname(), defaults={"seen_at": timezone.now()}
    )


@shared_task(ignore_result=True)
def send_email_message(subject: str, body: str, to: list[str], html: str | None = None) -> None:
    """Send one email through Django's mail system, outside the web request."""
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task(ignore_result=True)
def relay_outbox() -> int:
    """Hand over the outbox messages that waited for the broker (beat runs this every minute)."""
    from .outbox import relay_unsent

    return relay_unsent()
