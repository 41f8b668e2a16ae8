"""A race of many simultaneous booking requests through the JSON API, each on
its own thread and database connection.  Used by test_concurrency.py on
PostgreSQL and, in a subprocess, on the embedded SQLite default."""

import json
import random
import threading

from django.db import connection
from django.test import Client


def run_race(slot_id, requests=200, max_connections=40, seed=None):
    """POST ``requests`` bookings of 1–5 people for one slot at once; return [(size, status, body)].

    All threads are released together by a barrier; at most ``max_connections``
    talk to the database at the same moment (the shared PostgreSQL allows 100
    connections for every test run on the machine).
    """
    rng = random.Random(seed)
    sizes = [rng.randint(1, 5) for _ in range(requests)]
    barrier = threading.Barrier(requests)
    gate = threading.BoundedSemaphore(max_connections)
    results = [None] * requests

    def book(index):
        size = sizes[index]
        payload = {
            "slot": slot_id,
            "organisation": f"测试单位{index}",
            "group_type": "study",
            "leader_name": "王明",
            "phone": "13800138000",
            "email": f"leader{index}@example.org",
            "group_size": size,
            "roster": [f"访客{chr(0x4E00 + i)}" for i in range(size)],
        }
        barrier.wait()
        with gate:
            try:
                response = Client().post(
                    "/api/visits/requests/",
                    json.dumps(payload),
                    content_type="application/json",
                    HTTP_IDEMPOTENCY_KEY=f"race-{slot_id}-{index}",
                )
                body = json.loads(response.content) if response.content else {}
                results[index] = (size, response.status_code, body)
            except Exception as exc:  # recorded, so that the test reports it
                results[index] = (size, 500, {"exception": repr(exc)})
            finally:
                connection.close()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results
