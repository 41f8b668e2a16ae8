"""Redis stops while a visitor books: the booking is stored, and its emails go out when Redis is back.

A Redis server of the test's own (not the shared one) is the broker, so it can really be stopped and
started again; a real Celery worker then delivers the emails the outbox handed over.
"""

import json
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.contrib.auth.models import Group

from college.accounts.roles import RECEPTION_STAFF
from college.celery import app as celery_app
from college.core.models import OutboxMessage
from college.core.outbox import relay_unsent
from college.visits.models import VisitRequest
from tests.accounts.factories import UserFactory
from tests.celery_workers import start_worker

from .factories import VisitPayloadFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A redis-server process on a port of its own that a test may stop and start."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if redis.Redis.from_url(self.url).ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise AssertionError("the private redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture
def broker(monkeypatch):
    server = PrivateRedis()
    server.start()
    # The site's Celery app publishes to this server from now on (the cache stays on the shared Redis).
    monkeypatch.setitem(celery_app.conf, "broker_url", server.url)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield server
    if server.process.poll() is None:
        server.stop()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_a_booking_made_while_redis_is_down_is_kept_and_its_emails_go_out_when_it_returns(
    broker, client, slot, tmp_path
):
    # The worker is another process: reception is found in the database, not in this test's settings.
    reception, _created = Group.objects.get_or_create(name=RECEPTION_STAFF)
    UserFactory(email="reception@fengqiao.example").groups.add(reception)
    broker.stop()
    payload = VisitPayloadFactory(slot=slot.pk, group_size=4, email="leader@example.org")
    response = client.post(
        "/api/visits/requests/", json.dumps(payload), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 201, response.content
    visit = VisitRequest.objects.get(code=response.json()["code"])
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert sorted(waiting.values_list("task", flat=True)) == [
        "college.visits.tasks.notify_staff_of_request",
        "college.visits.tasks.send_visit_email",
    ]
    assert all(message.last_error for message in waiting)

    broker.start()  # Redis is back; beat's relay (run here directly) hands the messages over
    assert relay_unsent() == 2
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    assert relay_unsent() == 0  # nothing goes twice

    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    queue = "celery"
    worker = start_worker(
        queue,
        name=f"outage-{uuid.uuid4().hex[:8]}@%h",
        env={
            "DJANGO_SETTINGS_MODULE": "tests.visits.worker_settings",
            "TEST_REDIS_URL": broker.url,
            "VISITS_TEST_MAIL_DIR": str(mail_dir),
        },
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(list(mail_dir.iterdir())) < 2:
            time.sleep(0.3)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    sent = "\n".join(path.read_text() for path in Path(mail_dir).iterdir())
    assert "To: leader@example.org" in sent
    assert "To: reception@fengqiao.example" in sent
    assert visit.code in sent
