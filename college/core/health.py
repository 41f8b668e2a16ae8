"""Checks behind GET /healthz: does each service the site needs answer?"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

# Beat records a heartbeat every 30 s; three missed beats mean no worker.
WORKER_HEARTBEAT_MAX_AGE = timedelta(seconds=90)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_cache():
    key = "healthz:probe"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just stored")
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_broker():
    from college.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        return conn.transport_cls if isinstance(conn.transport_cls, str) else conn.transport.driver_type


def check_worker():
    from .models import WorkerHeartbeat

    latest = WorkerHeartbeat.objects.order_by("-seen_at").first()
    if latest is None:
        raise RuntimeError("no worker has reported yet")
    age = timezone.now() - latest.seen_at
    if age > WORKER_HEARTBEAT_MAX_AGE:
        raise RuntimeError(f"last heartbeat {int(age.total_seconds())} s ago from {latest.hostname}")
    return f"{latest.hostname}, {int(age.total_seconds())} s ago"


def check_search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if hasattr(backend, "es"):
        info = backend.es.info()
        return f"elasticsearch {info.get('version', {}).get('number', '?')}"
    from wagtail.models import Page

    list(Page.objects.search("healthz")[:1])
    return type(backend).__name__


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
    "search": check_search,
}


def _needs_database(name):
    if name == "worker":  # the heartbeats are rows
        return True
    if name == "search":  # unless Elasticsearch answers it
        return not settings.ELASTICSEARCH_URL
    return False


def run_checks():
    """Run every check; return (all_ok, {name: {"ok": bool, "detail": str}}).

    When the database does not answer, the checks that need it are reported failed without
    running: each would wait for a connection as long again (DB_POOL_TIMEOUT).
    """
    results = {}
    for name, check in CHECKS.items():
        if name != "database" and _needs_database(name) and not results["database"]["ok"]:
            results[name] = {"ok": False, "detail": "not checked: the database is unavailable"}
            continue
        try:
            results[name] = {"ok": True, "detail": str(check())}
        except Exception as exc:  # each failure is reported, never raised
            results[name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"[:300]}
    return all(r["ok"] for r in results.values()), results
