"""A task enqueued by a test is run by a real Celery worker over Redis."""

import subprocess
import time
import uuid

import pytest
from django.conf import settings

from college.celery import app as celery_app
from college.core.models import WorkerHeartbeat
from college.core.tasks import record_worker_heartbeat
from tests.celery_workers import start_worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_queue(monkeypatch):
    """Start a worker on a queue of its own; stop it after the test."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    process = start_worker(
        queue,
        name=f"{queue}@%h",
        env={"DJANGO_SETTINGS_MODULE": "college.settings.test", "TEST_REDIS_URL": settings.CELERY_BROKER_URL},
        output=subprocess.PIPE,
    )
    # The caller must really send the task to the broker, not run it eagerly.
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    yield queue
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_real_worker_runs_a_task_sent_over_redis(worker_queue):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    hostname = f"proof-{worker_queue}"
    record_worker_heartbeat.apply_async(args=[hostname], queue=worker_queue)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if WorkerHeartbeat.objects.filter(hostname=hostname).exists():
            break
        time.sleep(0.25)
    assert WorkerHeartbeat.objects.filter(hostname=hostname).exists(), "the worker did not run the task"
