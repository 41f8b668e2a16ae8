"""Start a real Celery worker process for a test, on a queue of its own."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def worker_database_url():
    """The URL of the test database, for a worker process to use."""
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(queue, name, env, pool="solo", concurrency=1, output=subprocess.DEVNULL):
    """A ``celery worker`` subprocess consuming only ``queue``; the caller stops it."""
    args = [sys.executable, "-m", "celery", "-A", "college", "worker", "--pool", pool]
    if pool != "solo":
        args += ["--concurrency", str(concurrency)]
    args += [
        "-Q",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel",
        "WARNING",
        "-n",
        name,
    ]
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": worker_database_url(), **env},
        stdout=output,
        stderr=subprocess.STDOUT if output is subprocess.PIPE else output,
        text=True,
    )
