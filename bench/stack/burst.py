"""60 requests at the same moment on a page that always reads PostgreSQL (a signed-in learner's
My learning page: personal, so no page cache may answer it), in a few waves."""

import threading
import time

from . import learners
from .client import HttpClient, Recorder, run_threads, timed
from .stack import log


def run(stack, concurrency=60, waves=5):
    from django.urls import reverse

    path = reverse("courses:my_learning")
    sessions = [key for _user, key in learners.ensure(concurrency)]
    log(f"burst: {concurrency} simultaneous GET {path} (each its own learner), {waves} waves")
    recorder = Recorder()
    barrier = threading.Barrier(concurrency)
    peak = {"connections": 0}
    done = threading.Event()

    def watch():
        while not done.is_set():
            try:
                peak["connections"] = max(peak["connections"], stack.connection_count())
            except Exception:  # noqa: BLE001 (psql itself may fail when connections run out)
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()

    def client(number):
        http = HttpClient(stack.port, timeout=120)
        headers = {"Cookie": learners.cookie_header(sessions[number])}
        for _ in range(waves):
            barrier.wait()
            timed(recorder, lambda: http.get(path, headers))
        http.close()

    wall = run_threads(concurrency, client)
    done.set()
    watcher.join()
    summary = recorder.summary(wall)
    summary.update(
        {"path": path, "concurrency": concurrency, "waves": waves, "peak_db_connections": peak["connections"]}
    )
    log(f"  answers {summary['statuses']}, p95 {summary['p95_ms']} ms, peak database connections {peak['connections']}")
    return summary
