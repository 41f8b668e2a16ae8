"""Benchmark of the visit booking API under 50 concurrent clients on PostgreSQL.

    DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/visits_api.py

Creates a throw-away database (``bench_<name of DATABASE_URL's database>``),
starts Django's threaded test server on 127.0.0.1 in this process, and lets
50 client threads POST booking requests (1–5 people, Idempotency-Key set)
at a handful of slots until demand exceeds the places, then reads the slot
list.  Prints throughput, p50/p95/p99 latency, the answers by status, and
checks that no slot was overbooked.  Options (environment): BENCH_CLIENTS
(50), BENCH_REQUESTS (1000), BENCH_SLOTS (10), BENCH_CAPACITY (150).
"""

import datetime
import json
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
# 409s are logged as warnings and eager Celery tasks at INFO: keep the report readable.
for name in ("django.request", "django.server", "celery", "celery.app.trace"):
    logging.getLogger(name).setLevel(logging.ERROR)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.testcases import LiveServerThread, _StaticFilesHandler  # noqa: E402

from bench.stack.client import booking_payload, percentile  # noqa: E402 (shared with the stack benchmark)

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000"))
SLOTS = int(os.environ.get("BENCH_SLOTS", "10"))
CAPACITY = int(os.environ.get("BENCH_CAPACITY", "150"))


def main():
    if connection.vendor != "postgresql":
        sys.exit("This benchmark measures PostgreSQL: set DATABASE_URL=postgres://…")
    db_settings = settings.DATABASES["default"]
    db_settings.setdefault("TEST", {})["NAME"] = f"bench_{db_settings['NAME']}"
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    server = None
    try:
        from college.visits.models import Hall, Slot, local_today

        hall = Hall.objects.create(name="压测展厅", capacity=CAPACITY)
        day = local_today() + datetime.timedelta(days=7)
        slots = [
            Slot.objects.create(
                hall=hall,
                date=day + datetime.timedelta(days=i // 8),
                start=datetime.time(8 + i % 8),
                end=datetime.time(9 + i % 8),
                capacity=CAPACITY,
            )
            for i in range(SLOTS)
        ]
        slot_ids = [s.pk for s in slots]
        connection.close()

        server = LiveServerThread("127.0.0.1", _StaticFilesHandler)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        base = f"http://127.0.0.1:{server.port}"

        latencies, statuses, lock = [], Counter(), threading.Lock()
        counter = iter(range(REQUESTS))
        counter_lock = threading.Lock()

        def client(number):
            while True:
                with counter_lock:
                    index = next(counter, None)
                if index is None:
                    return
                payload = booking_payload(index, slot_ids[index % len(slot_ids)], number)
                request = urllib.request.Request(
                    f"{base}/api/visits/requests/",
                    data=json.dumps(payload).encode(),
                    headers={"Content-Type": "application/json", "Idempotency-Key": f"bench-{index}"},
                    method="POST",
                )
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        status = response.status
                        response.read()
                except urllib.error.HTTPError as error:
                    status = error.code
                    error.read()
                except Exception as error:  # connection refused, timeout
                    status = type(error).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[status] += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        duration = time.perf_counter() - started

        # Reading: the slot list, the same 50 clients, 10 reads each.
        read_latencies = []

        def reader():
            for _ in range(10):
                t0 = time.perf_counter()
                with urllib.request.urlopen(f"{base}/api/visits/slots/?from={day.isoformat()}", timeout=60) as r:
                    r.read()
                with lock:
                    read_latencies.append(time.perf_counter() - t0)

        readers = [threading.Thread(target=reader) for _ in range(CLIENTS)]
        read_started = time.perf_counter()
        for thread in readers:
            thread.start()
        for thread in readers:
            thread.join()
        read_duration = time.perf_counter() - read_started

        overbooked = [s.pk for s in Slot.objects.with_places() if s.places_taken > s.capacity]
        taken = sum(s.places_taken for s in Slot.objects.with_places())
        print(
            f"Visit booking API on PostgreSQL, Django threaded test server, {CLIENTS} concurrent clients "
            f"({os.cpu_count()} CPUs; emails rendered in-process by eager Celery tasks)"
        )
        print(
            f"  POST /api/visits/requests/  {len(latencies)} requests in {duration:.2f} s = {len(latencies) / duration:.1f} req/s"
        )
        print(
            f"    latency p50 {percentile(latencies, 50) * 1000:.0f} ms, p95 {percentile(latencies, 95) * 1000:.0f} ms,"
            f" p99 {percentile(latencies, 99) * 1000:.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms"
        )
        print(f"    answers: {dict(sorted(statuses.items(), key=str))}")
        print(f"    places taken {taken} of {SLOTS * CAPACITY}; overbooked slots: {overbooked or 'none'}")
        print(
            f"  GET /api/visits/slots/      {len(read_latencies)} requests in {read_duration:.2f} s = "
            f"{len(read_latencies) / read_duration:.1f} req/s, p50 {percentile(read_latencies, 50) * 1000:.0f} ms,"
            f" p95 {percentile(read_latencies, 95) * 1000:.0f} ms"
        )
        if overbooked or any(not isinstance(s, int) or s >= 500 for s in statuses):
            sys.exit(1)
    finally:
        if server is not None:
            server.terminate()
            server.join(timeout=10)
        connection.close()
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
