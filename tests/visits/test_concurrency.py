"""No slot is ever overbooked, also under many simultaneous requests."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from college.visits.models import Status, VisitRequest

from .factories import HallFactory, SlotFactory
from .race import run_race

pytestmark = pytest.mark.django_db(transaction=True)

MAX_CONNECTIONS = int(os.environ.get("VISITS_RACE_CONNECTIONS", "40"))


@pytest.mark.parametrize("round_", range(3))
def test_200_simultaneous_requests_never_overbook_a_20_place_slot(round_):
    slot = SlotFactory(hall=HallFactory(capacity=20), capacity=20)
    results = run_race(slot.pk, requests=200, max_connections=MAX_CONNECTIONS, seed=round_)

    statuses = [status for _size, status, _body in results]
    assert set(statuses) <= {201, 409}, [r for r in results if r[1] not in (201, 409)][:3]
    taken = slot.count_places_taken()
    booked = sum(size for size, status, _body in results if status == 201)
    assert taken == booked == 20  # demand (about 600 people) exceeds 20: every place is taken, none twice
    stored = VisitRequest.objects.filter(slot=slot, status=Status.PENDING)
    assert sum(v.group_size for v in stored) == 20
    assert all(v.visitors.count() == v.group_size for v in stored)
    for size, status, body in results:
        if status == 409:
            assert body["places_left"] < size  # refused only when it truly did not fit


def test_embedded_sqlite_default_serialises_writers_without_server_errors(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")}
    completed = subprocess.run(
        [sys.executable, str(root / "tests/visits/sqlite_race.py"), str(tmp_path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    summary = json.loads(completed.stdout.strip().splitlines()[-1])
    for round_ in summary:
        assert round_["errors"] == []
        assert set(round_["statuses"]) <= {201, 409}
        assert round_["taken"] == round_["booked"] == 20


def test_simultaneous_retries_with_one_idempotency_key_book_once():
    import threading

    from django.db import connection
    from django.test import Client

    from .factories import VisitPayloadFactory

    slot = SlotFactory(hall=HallFactory(capacity=20), capacity=20)
    body = json.dumps(VisitPayloadFactory(slot=slot.pk, group_size=2))
    barrier = threading.Barrier(20)
    answers = []

    def retry():
        barrier.wait()
        try:
            response = Client().post(
                "/api/visits/requests/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="same-key"
            )
            answers.append((response.status_code, response.json().get("code")))
        finally:
            connection.close()

    threads = [threading.Thread(target=retry) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert VisitRequest.objects.filter(slot=slot).count() == 1
    assert sorted(status for status, _code in answers) == [200] * 19 + [201]
    assert {code for _status, code in answers} == {VisitRequest.objects.get(slot=slot).code}
