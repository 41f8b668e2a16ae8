"""Benchmark: render the exhibition's entrance, an era and an exhibit.

Run:  DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/exhibits_promenade.py
It makes a throw-away test database (test_<name of DATABASE_URL's database>),
seeds the demo exhibition and a synthetic one of 10 eras × 30 exhibits, then
prints p50/p95 latency, throughput and SQL queries per page.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def measure(client, url):
    client.get(url)  # warm: renditions are made on first view
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, 1000 / statistics.mean(timings), len(queries)


def main():
    import tempfile

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="exhibits-bench-")
    setup_test_environment()
    # Keep one database connection for the whole run (as a pooled server would),
    # so that timings and query counts are about the pages, not reconnecting.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from college.core.demo import seed as seed_core
        from exhibits.demo import seed as seed_exhibits
        from tests.exhibits.factories import ImageFactory, ThemeFactory, build_exhibition

        home = seed_core()
        start = time.perf_counter()
        seed_exhibits()
        print(f"demo seed: {time.perf_counter() - start:.1f} s")
        big, eras, exhibits = build_exhibition(
            home,
            eras=10,
            exhibits_per_era=30,
            themes=[ThemeFactory()],
            cover=ImageFactory(file__width=1200, file__height=675),
            milestones=40,
            slug="big",
        )
        client = Client()
        rows = [
            ("demo entrance (7 eras, 33 exhibits)", "/exhibition/"),
            ("demo era", "/exhibition/new-era/"),
            ("demo exhibit with video", "/exhibition/new-era/instruction-2013/"),
            ("demo entrance, English", "/en/exhibition/"),
            ("300-exhibit entrance", "/big/"),
            ("300-exhibit era", f"/big/{eras[5].slug}/"),
            ("300-exhibit exhibit", f"/big/{eras[5].slug}/{exhibits[170].slug}/"),
            (
                "exhibit search",
                "/exhibition-search/?q=%E5%9B%9B%E5%89%8D%E5%B7%A5%E4%BD%9C%E6%B3%95&theme=source-governance",
            ),
        ]
        print(f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'queries':>8}")
        for label, url in rows:
            p50, p95, rps, queries = measure(client, url)
            print(f"{label:40} {p50:8.1f} {p95:8.1f} {rps:7.1f} {queries:8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
