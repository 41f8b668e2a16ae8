"""Benchmark: the study-time heartbeat endpoint on PostgreSQL (not a timed test).

500 learners each watch a video lesson and send a heartbeat every 15 seconds of *simulated* time.
Time is compressed: the service's clock (``courses.services.clock.now``) is replaced by a per-thread
simulated clock that advances 15 s per round, so every heartbeat is a normal, creditable one while
the requests are sent back to back. Each request goes through the whole Django stack
(``POST /api/courses/heartbeats/`` with the learner's session, CSRF checks off as for a test client).

Run:  DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/courses_heartbeat.py
Options (environment): BENCH_LEARNERS (500), BENCH_ROUNDS (6), BENCH_THREADS (4).
The run creates and drops its own database (test_<DATABASE_URL name>_bench).
Goal from the issue: p95 ≤ 50 ms; needed throughput 500 / 15 s ≈ 33 heartbeats per second.
"""

import datetime
import json
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

LEARNERS = int(os.environ.get("BENCH_LEARNERS", 500))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 6))
THREADS = int(os.environ.get("BENCH_THREADS", 4))
INTERVAL = 15.0

_sim = threading.local()


def simulated_now(now=None):
    return now or getattr(_sim, "now", None) or datetime.datetime.now(datetime.UTC)


def build_world():
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from college.core.demo import seed as seed_core
    from courses import services
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    home = seed_core()
    index = CourseIndexPage(title="课程", slug="courses")
    home.add_child(instance=index)
    course = CoursePage(title="基准课程", slug="bench", summary="基准", credit_hours=Decimal(1))
    index.add_child(instance=course)
    lesson = LessonPage(title="视频", slug="bench-video", kind="video", duration_seconds=3600, video_url="/x.wav")
    course.add_child(instance=lesson)
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org", password="!") for i in range(LEARNERS)]
    )
    for user in users:
        services.enrol(user, course)
    return users, lesson


def main():
    # Persistent connections per thread, as in production (DATABASE_CONN_MAX_AGE, default 60 s);
    # the test settings close the connection after every request.
    connections.settings["default"]["CONN_MAX_AGE"] = 60
    connection.settings_dict["CONN_MAX_AGE"] = 60
    setup_test_environment()
    settings.DEBUG = False
    old_name = connection.settings_dict["NAME"]
    creation = connection.creation
    connection.settings_dict["TEST"] = {**connection.settings_dict.get("TEST", {}), "NAME": f"test_{old_name}_bench"}
    print(f"creating database test_{old_name}_bench (migrations take a moment)…", flush=True)
    creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        run()
    finally:
        # The client threads' connections may still be open: end them so the database can go.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()
        creation.destroy_test_db(old_name, verbosity=0)


def run():
    from courses import services
    from courses.models import LessonProgress

    services.clock.now = simulated_now  # the compressed clock
    users, lesson = build_world()
    start = datetime.datetime.now(datetime.UTC)

    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)

    tokens = [None] * LEARNERS
    latencies = []
    lock = threading.Lock()

    def start_viewing(i):
        _sim.now = start
        response = clients[i].post(
            "/api/courses/viewings/", json.dumps({"lesson": lesson.pk}), content_type="application/json"
        )
        tokens[i] = response.json()["token"]

    pool = ThreadPoolExecutor(THREADS)  # the same threads (and connections) throughout
    list(pool.map(start_viewing, range(LEARNERS)))

    def beat(args):
        i, round_number = args
        _sim.now = start + datetime.timedelta(seconds=INTERVAL * round_number)
        body = {"token": tokens[i], "seq": round_number + 1, "state": "playing", "position": INTERVAL * round_number}
        t0 = time.perf_counter()
        response = clients[i].post("/api/courses/heartbeats/", json.dumps(body), content_type="application/json")
        elapsed = time.perf_counter() - t0
        if response.status_code != 200:
            raise RuntimeError(f"heartbeat refused: {response.status_code} {response.content[:200]}")
        with lock:
            latencies.append(elapsed)

    def worker(chunk):
        for item in chunk:
            beat(item)

    wall = 0.0
    for round_number in range(ROUNDS + 1):
        jobs = [(i, round_number) for i in range(LEARNERS)]
        chunks = [jobs[k::THREADS] for k in range(THREADS)]
        t0 = time.perf_counter()
        list(pool.map(worker, chunks))
        if round_number > 0:  # round 0 only starts the playing state (credits nothing)
            wall += time.perf_counter() - t0
        else:
            latencies.clear()

    pool.submit(connections.close_all)
    pool.shutdown()
    credited = list(LessonProgress.objects.filter(lesson=lesson).values_list("study_seconds", flat=True))
    expected = INTERVAL * ROUNDS
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms)
    p95 = ms[int(len(ms) * 0.95) - 1]
    p99 = ms[int(len(ms) * 0.99) - 1]
    print(
        f"courses heartbeat benchmark — {LEARNERS} learners, {ROUNDS} rounds of one heartbeat each per 15 s (simulated), {THREADS} client threads, PostgreSQL"
    )
    print(f"  heartbeats measured: {len(ms)}")
    print(f"  latency p50 {p50:.1f} ms   p95 {p95:.1f} ms   p99 {p99:.1f} ms   max {ms[-1]:.1f} ms")
    print(
        f"  throughput {len(ms) / wall:.0f} heartbeats/s (needed: {LEARNERS / INTERVAL:.0f}/s for {LEARNERS} learners every 15 s)"
    )
    print(f"  goal p95 ≤ 50 ms: {'met' if p95 <= 50 else 'NOT met'}")
    ok = all(abs(c - expected) < 1e-6 for c in credited) and len(credited) == LEARNERS
    print(f"  every learner credited exactly {expected:.0f} s of study time: {'yes' if ok else 'NO'}")

    # The same heartbeats without HTTP: the service alone (lock, check, credit), one thread.
    from django.contrib.auth import get_user_model

    users_by_index = list(get_user_model().objects.filter(username__startswith="bench").order_by("id"))
    service_ms = []
    t_service = time.perf_counter()
    for round_number in range(ROUNDS + 1, 2 * ROUNDS + 1):
        _sim.now = start + datetime.timedelta(seconds=INTERVAL * round_number)
        for i in range(LEARNERS):
            t0 = time.perf_counter()
            services.heartbeat(users_by_index[i], tokens[i], round_number + 1, "playing", INTERVAL * round_number)
            service_ms.append((time.perf_counter() - t0) * 1000)
    service_wall = time.perf_counter() - t_service
    service_ms.sort()
    print(
        f"  service only (no HTTP, 1 thread, {len(service_ms)} calls): p50 {statistics.median(service_ms):.1f} ms   "
        f"p95 {service_ms[int(len(service_ms) * 0.95) - 1]:.1f} ms   {len(service_ms) / service_wall:.0f} calls/s"
    )
    load = os.getloadavg()
    print(
        f"  machine load average during the run: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} CPUs"
    )

    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        from django.db import reset_queries
        from django.test.utils import CaptureQueriesContext

        _sim.now = start + datetime.timedelta(seconds=INTERVAL * (2 * ROUNDS + 1))
        with CaptureQueriesContext(connection) as queries:
            beat((0, 2 * ROUNDS + 1))
        for q in queries.captured_queries:
            print("   ", q["time"], q["sql"][:150])
        profiler = cProfile.Profile()
        profiler.enable()
        for i in range(1, min(LEARNERS, 30)):
            beat((i, 2 * ROUNDS + 1))
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        reset_queries()


if __name__ == "__main__":
    main()
