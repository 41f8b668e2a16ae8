"""Exactly once with real Celery workers over Redis: duplicate enqueues, and a worker killed mid-render."""

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from college.celery import app as celery_app
from college.certificates import services, tasks
from college.certificates.models import Certificate, CertificateEvent
from tests.celery_workers import start_worker

from .factories import CourseCompletionFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def workers(monkeypatch, settings, private_media):
    """Start workers on a queue of their own (render tasks are routed there); stop them after."""
    queue = f"test-certificates-{uuid.uuid4().hex[:8]}"
    settings.COLLEGE_CERTIFICATES_QUEUE = queue
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    started = []

    def start(concurrency=1, render_delay=0.0, visibility_timeout=None):
        extra = {"CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout)} if visibility_timeout else {}
        process = start_worker(
            queue,
            name=f"{queue}-{len(started)}@%h",
            env={
                "DJANGO_SETTINGS_MODULE": "tests.certificates.worker_settings",
                "TEST_REDIS_URL": settings.CELERY_BROKER_URL,
                "PRIVATE_MEDIA_ROOT": str(private_media),
                "CERTIFICATES_TEST_RENDER_DELAY": str(render_delay),
                **extra,
            },
            pool="prefork",
            concurrency=concurrency,
        )
        started.append(process)
        return process

    start.queue = queue
    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
    for process in started:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate, timeout=120, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def pdf_files(root):
    return sorted(path.name for path in Path(root).rglob("*.pdf"))


def test_enqueuing_the_same_certificate_twice_issues_one(workers, learner, course, private_media):
    workers(concurrency=2, render_delay=1.0)
    CourseCompletionFactory(user=learner, course=course)
    first = services.request_certificate(learner, course=course)
    second = services.request_certificate(learner, course=course)
    assert first.pk == second.pk
    # And the task itself, twice more, straight onto the queue: both worker processes render at once.
    tasks.render_certificate.apply_async(args=[first.pk], queue=workers.queue)
    tasks.render_certificate.apply_async(args=[first.pk], queue=workers.queue)
    wait_for(lambda: Certificate.objects.get(pk=first.pk).status == "issued", what="the certificate to be issued")
    wait_for(lambda: Certificate.objects.get(pk=first.pk).attempts >= 2, timeout=30, what="the duplicate runs")
    time.sleep(3)  # let any straggler finish
    certificate = Certificate.objects.get(pk=first.pk)
    assert Certificate.objects.filter(user=learner).count() == 1
    assert certificate.status == "issued"
    assert certificate.events.filter(action=CertificateEvent.Action.ISSUED).count() == 1
    assert pdf_files(private_media) == [Path(certificate.pdf.name).name]


def test_killing_the_worker_mid_render_still_issues_exactly_once(workers, learner, course, private_media):
    worker = workers(concurrency=1, render_delay=4.0)
    CourseCompletionFactory(user=learner, course=course)
    certificate = services.request_certificate(learner, course=course)
    # The task has started (attempt counted) and is inside the render pause.
    wait_for(lambda: Certificate.objects.get(pk=certificate.pk).attempts >= 1, what="the render to start")
    assert Certificate.objects.get(pk=certificate.pk).status == "pending"
    pool = children(worker.pid)
    assert pool, "the worker has no pool process"
    for pid in pool:
        os.kill(pid, signal.SIGKILL)
    workers(concurrency=1, render_delay=0.5)  # a second worker, as after a crash
    wait_for(lambda: Certificate.objects.get(pk=certificate.pk).status == "issued", timeout=150, what="redelivery")
    time.sleep(2)
    certificate.refresh_from_db()
    assert certificate.attempts >= 2
    assert Certificate.objects.filter(user=learner).count() == 1
    assert certificate.events.filter(action=CertificateEvent.Action.ISSUED).count() == 1
    assert pdf_files(private_media) == [Path(certificate.pdf.name).name]
    assert certificate.pdf.read()[:5] == b"%PDF-"


def test_a_whole_worker_killed_mid_render_gives_its_task_back_after_the_visibility_timeout(
    workers, learner, course, private_media
):
    # Not only the pool process: the worker itself goes (a lost machine), so nobody is left to
    # give the task back; Redis does, once the visibility timeout (here 5 s) has passed.
    worker = workers(concurrency=1, render_delay=60.0, visibility_timeout=5)
    CourseCompletionFactory(user=learner, course=course)
    certificate = services.request_certificate(learner, course=course)
    wait_for(lambda: Certificate.objects.get(pk=certificate.pk).attempts >= 1, what="the render to start")
    for pid in [*children(worker.pid), worker.pid]:
        os.kill(pid, signal.SIGKILL)
    worker.wait()
    assert Certificate.objects.get(pk=certificate.pk).status == "pending"
    workers(concurrency=1, render_delay=0.5, visibility_timeout=5)
    wait_for(lambda: Certificate.objects.get(pk=certificate.pk).status == "issued", timeout=120, what="redelivery")
    certificate.refresh_from_db()
    assert certificate.events.filter(action=CertificateEvent.Action.ISSUED).count() == 1
    assert pdf_files(private_media) == [Path(certificate.pdf.name).name]
