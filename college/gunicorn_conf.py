"""Gunicorn's settings for every way the site is served: ``gunicorn -c college/gunicorn_conf.py``.

``make serve`` (production) and ``make run`` (development, with ``GUNICORN_RELOAD=1``) both use
this file; docs/deployment.md explains the sizing.  Every value can be changed from the
environment without editing it.

Each worker is a process with ``WEB_THREADS`` threads (the ``gthread`` class): a thread serves one
request at a time and holds at most one database connection, taken from its process's pool
(``DB_POOL_MAX``), so WEB_CONCURRENCY × DB_POOL_MAX connections at most, whatever the burst.  The
connections the threads are not serving yet wait in the worker's queue (``worker_connections``)
and the listen backlog, instead of being refused or reset.
"""

import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# make serve and scripts/run-dev.sh pass --bind with their PORT; this is the default of a bare -c.
bind = f"0.0.0.0:{_int('PORT', 8000)}"
wsgi_app = "college.wsgi:application"

worker_class = "gthread"
workers = _int("WEB_CONCURRENCY", 3)
threads = _int("WEB_THREADS", 4)
# Connections a worker accepts while its threads are busy: they wait their turn, never refused.
worker_connections = 1000
backlog = 2048

# Seconds an idle keep-alive connection is held open for the next request.
keepalive = _int("WEB_KEEPALIVE", 5)
# A worker silent this long is killed and restarted (the case search at 100k cases comes close).
timeout = _int("WEB_TIMEOUT", 30)
# On a restart or deploy (SIGTERM, SIGHUP), requests in flight get this long to finish.
graceful_timeout = _int("WEB_GRACEFUL_TIMEOUT", 30)
# Each worker is replaced after about this many requests, so that a slow leak cannot grow without
# end.  0 turns it off.  The jitter is half of it: with a small jitter a burst of static files
# restarted every worker within two seconds (measured with wrk -c60), and the site answered
# nothing while they booted.
max_requests = _int("WEB_MAX_REQUESTS", 5000)
max_requests_jitter = _int("WEB_MAX_REQUESTS_JITTER", max_requests // 2)

errorlog = "-"
# Gunicorn 27's control socket is one path per user ($HOME/.gunicorn/gunicorn.ctl): two servers on
# one machine (tests, benchmarks, a second site) would take it from each other.  Not used here.
control_socket_disable = True


def worker_exit(server, worker):
    """Close the worker's database pool, so PostgreSQL sees its connections end at once."""
    try:
        from django.db import connections

        for connection in connections.all(initialized_only=True):
            # Only a pool this worker opened (reading ``connection.pool`` would make one).
            if connection.alias in getattr(connection, "_connection_pools", {}):
                connection.close_pool()
    except Exception:  # the worker is going away; nothing to report to anyone
        pass
