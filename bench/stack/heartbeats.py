"""Heartbeats over HTTP in real time: 500 learners every 15 s (open loop), then rising rates until
the server no longer keeps up (saturation). Every learner opens a viewing first, as lesson.js does.
"""

import json
import threading
import time

from . import learners
from .client import HttpClient, Recorder, open_loop, run_threads, timed
from .stack import log

INTERVAL = 15.0  # COLLEGE_HEARTBEAT_INTERVAL_SECONDS


class Learner:
    def __init__(self, user_id, session_key):
        self.user_id = user_id
        self.headers = learners.post_headers(session_key)
        self.token = None
        self.opened = None
        self.seq = 0
        self.credited = 0.0
        self.lock = threading.Lock()


def open_viewings(stack, pool, lesson_id, concurrency=16):
    """POST /api/courses/viewings/ for every learner (closed loop, ``concurrency`` clients)."""
    recorder = Recorder()
    lock = threading.Lock()
    todo = list(pool)

    def client(_number):
        http = HttpClient(stack.port)
        while True:
            with lock:
                if not todo:
                    http.close()
                    return
                learner = todo.pop()
            response = timed(
                recorder,
                lambda learner=learner: http.post("/api/courses/viewings/", {"lesson": lesson_id}, learner.headers),
            )
            if response is not None and response.status == 200:
                learner.token = response.json()["token"]
                learner.opened = time.perf_counter()

    wall = run_threads(concurrency, client)
    return recorder.summary(wall)


def send_heartbeat(port, duration_seconds):
    def send(state, learner):
        http = state.get("http")
        if http is None:
            http = state["http"] = HttpClient(port, timeout=30)
        with learner.lock:  # one heartbeat of a learner at a time, in order, as one page sends them
            learner.seq += 1
            position = min(time.perf_counter() - learner.opened, duration_seconds - 2)
            body = {"token": learner.token, "seq": learner.seq, "state": "playing", "position": round(position, 3)}
            response = http.post("/api/courses/heartbeats/", body, learner.headers)
            if response.status == 200:
                learner.credited += json.loads(response.body)["credited"]
                return 200, None
        return response.status, f"{response.status}: {response.body[:200]!r}"

    return send


def schedule(pool, rate, seconds):
    """Each learner of ``pool[:n]`` beats every n/rate s (n = rate × 15 s when the pool is big
    enough), phases spread evenly, so that the whole offers ``rate`` heartbeats per second."""
    n = min(len(pool), max(1, round(rate * INTERVAL)))
    interval = n / rate
    items = []
    for j, learner in enumerate(pool[:n]):
        t = j / rate
        while t < seconds:
            items.append((t, learner))
            t += interval
    items.sort(key=lambda item: item[0])
    return items, n, interval


def step(stack, pool, rate, seconds, duration_seconds, workers=100):
    items, used, interval = schedule(pool, rate, seconds)
    cpu = stack.server_cpu_seconds()
    recorder, wall, behind = open_loop(items, send_heartbeat(stack.port, duration_seconds), workers=workers)
    cpu = stack.server_cpu_seconds() - cpu
    summary = recorder.summary(wall)
    summary["server_cpu_ms_per_request"] = round(1000 * cpu / len(items), 1) if items else None
    summary.update(
        {
            "offered_per_second": round(rate, 1),
            "achieved_per_second": round(len(items) / wall, 1),
            "learners": used,
            "interval_s": round(interval, 2),
            "client_behind_max_ms": round(behind * 1000, 1),
        }
    )
    return summary


def run(stack, learner_count, steady_seconds, step_seconds, p95_limit_ms, rates, only_steady=False):
    from courses.models import LessonProgress

    lesson = learners.bench_lesson()
    log(f"heartbeats: preparing {learner_count} learners with sessions …")
    t0 = time.perf_counter()
    pool = [Learner(*pair) for pair in learners.ensure(learner_count)]
    log(f"  learners ready in {time.perf_counter() - t0:.0f} s; opening their viewings over HTTP …")
    viewings = open_viewings(stack, pool, lesson.pk)
    opened = [learner for learner in pool if learner.token]
    log(f"  {len(opened)} viewings at {viewings['per_second']}/s, p95 {viewings['p95_ms']} ms")
    if len(opened) < len(pool):
        raise RuntimeError(f"only {len(opened)} of {len(pool)} viewings opened: {viewings['first_errors']}")
    result = {"learners": learner_count, "viewings": viewings}

    # One at a time first: the service time without any queue, for reading the loaded figures.
    probe = Recorder()
    send = send_heartbeat(stack.port, lesson.duration_seconds)
    state = {}
    for learner in pool[:30]:
        t0 = time.perf_counter()
        status, detail = send(state, learner)
        probe.add(time.perf_counter() - t0, status, detail)
    state["http"].close()
    result["one_at_a_time"] = probe.summary(1)
    log(f"  one at a time: p50 {result['one_at_a_time']['p50_ms']} ms, p95 {result['one_at_a_time']['p95_ms']} ms")

    steady_rate = 500 / INTERVAL
    log(f"  500 learners every 15 s ({steady_rate:.1f}/s) for {steady_seconds} s …")
    result["steady"] = step(stack, pool, steady_rate, steady_seconds, lesson.duration_seconds)
    s = result["steady"]
    log(f"    p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, p99 {s['p99_ms']} ms, answers {s['statuses']}")

    saturation = []
    if not only_steady:
        for rate in rates:
            log(f"  saturation: {rate}/s for {step_seconds} s …")
            s = step(stack, pool, rate, step_seconds, lesson.duration_seconds)
            failures = (
                s["server_errors"] + s["connection_errors"] + sum(v for k, v in s["statuses"].items() if k != "200")
            )
            s["kept_up"] = bool(
                failures == 0
                and s["p95_ms"] is not None
                and s["p95_ms"] <= p95_limit_ms
                and s["achieved_per_second"] >= 0.95 * rate
            )
            saturation.append(s)
            log(
                f"    achieved {s['achieved_per_second']}/s, p95 {s['p95_ms']} ms, answers {s['statuses']}, kept up: {s['kept_up']}"
            )
            if not s["kept_up"]:
                break
    kept = [s["offered_per_second"] for s in saturation if s["kept_up"]]
    result["saturation"] = {
        "p95_limit_ms": p95_limit_ms,
        "steps": saturation,
        "max_sustained_per_second": max(kept) if kept else None,
        "hit_ceiling": bool(saturation) and saturation[-1]["kept_up"],
    }

    # End the viewings, then compare what the server said it credited with the ledger in PostgreSQL.
    ended = Recorder()

    def end(number):
        http = HttpClient(stack.port)
        for learner in pool[number::8]:
            timed(
                ended,
                lambda learner=learner: http.post(
                    "/api/courses/viewings/end/", {"token": learner.token}, learner.headers
                ),
            )
        http.close()

    run_threads(8, end)
    time.sleep(1)
    stored = dict(
        LessonProgress.objects.filter(lesson=lesson, user_id__in=[lr.user_id for lr in pool]).values_list(
            "user_id", "study_seconds"
        )
    )
    mismatched = [lr.user_id for lr in pool if abs(stored.get(lr.user_id, 0.0) - lr.credited) > 0.01]
    result["ledger_check"] = {
        "credited_by_answers_s": round(sum(lr.credited for lr in pool), 1),
        "stored_in_database_s": round(sum(stored.values()), 1),
        "learners_mismatched": len(mismatched),
        "viewings_ended": ended.summary(1)["statuses"],
    }
    return result
