"""Benchmark: latency of GET /api/cases/search/ (not a timed test).

A two-character Chinese query with two filters and all facets, on
* the Elasticsearch implementation (osmem-server) at 10k and 100k cases,
* the database implementation (PostgreSQL) at 10k cases.

Run:  DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/cases_search.py
      [--es-sizes 10000,100000] [--db-size 10000] [--requests 200] [--es-url http://…:9200] [--profile]
It creates (and drops) its own database ``bench_cases_<pid>`` next to DATABASE_URL's.
Goals on the development machine: p95 <= 50 ms at 100k on Elasticsearch, <= 150 ms at 10k on the database.
"""

import argparse
import os
import statistics
import sys
import time
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

QUERIES = ["调解", "欠薪", "物业", "宅基", "网格", "停车", "赡养", "乡贤"]
PROFILE = False
FILTERS = [
    {"field": "village_community", "level": "village"},
    {"field": "police_station", "region": "zhuji"},
    {"level": "town", "dispute_type": "labour"},
    {"region": "keqiao", "year": "2023"},
    {"field": "online", "level": "city"},
]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client, requests, warmup=20):
    params = cycle([{"q": q, **f} for q in QUERIES for f in FILTERS])
    for _ in range(warmup):
        client.get("/api/cases/search/", next(params))
    timings, hits = [], []
    started = time.perf_counter()
    for _ in range(requests):
        query = next(params)
        t0 = time.perf_counter()
        response = client.get("/api/cases/search/", query)
        timings.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"search API answered {response.status_code}: {response.content[:300]!r}")
        hits.append(response.json()["count"])
    elapsed = time.perf_counter() - started
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "rps": requests / elapsed,
        "mean_hits": statistics.mean(hits),
    }


def explain_one(client):
    """Print the SQL statements (and their time) of one search request."""
    from django.db import connection

    calls = []

    def timer(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            calls.append(((time.perf_counter() - t0) * 1000, sql[:160]))

    with connection.execute_wrapper(timer):
        t0 = time.perf_counter()
        client.get("/api/cases/search/", {"q": "调解", **FILTERS[0]})
        total = (time.perf_counter() - t0) * 1000
    print(f"  one request: {total:.1f} ms, {len(calls)} SQL statements, {sum(c[0] for c in calls):.1f} ms in SQL")
    for took, sql in sorted(calls, reverse=True)[:8]:
        print(f"    {took:7.1f} ms  {sql}")


def report(label, result, extra=""):
    print(
        f"{label:<34} p50 {result['p50']:7.1f} ms   p95 {result['p95']:7.1f} ms   max {result['max']:7.1f} ms   "
        f"{result['rps']:6.1f} req/s   avg hits {result['mean_hits']:8.1f}{extra}",
        flush=True,
    )


def bench_elasticsearch(client, sizes, requests, url=""):
    import contextlib

    from osmem_server import OsmemServer

    from cases.search.elasticsearch import ElasticsearchCaseSearch
    from cases.synthetic import synthetic_documents

    engine = "elasticsearch" if url else "elasticsearch (osmem)"
    with contextlib.nullcontext() if url else OsmemServer.start() as server:
        settings.ELASTICSEARCH_URL = url or server.url
        settings.ELASTICSEARCH_INDEX_PREFIX = f"bench{os.getpid()}"
        for size in sizes:
            backend = ElasticsearchCaseSearch()
            t0 = time.perf_counter()
            backend.rebuild(documents=synthetic_documents(size), chunk_size=1000)
            took = time.perf_counter() - t0
            if PROFILE:
                explain_one(client)
            result = measure(client, requests)
            report(f"{engine} {size:>7,} cases", result, f"   (indexed at {size / took:,.0f} docs/s)")
        if url:  # a real cluster: leave nothing behind
            for name in backend.alias_targets():
                backend.client.indices.delete(index=name)
        settings.ELASTICSEARCH_URL = ""


def bench_database(client, size, requests):
    from wagtail.models import Locale

    from cases.default_lists import ensure_default_lists
    from cases.demo import ensure_library, load_content
    from cases.synthetic import bulk_create_cases
    from college.core.demo import seed as seed_home

    settings.ELASTICSEARCH_URL = ""
    home = seed_home()
    ensure_default_lists()
    library = ensure_library(home, Locale.objects.get(language_code="en"), load_content()["library"])
    t0 = time.perf_counter()
    bulk_create_cases(library, size, batch_size=2000)
    took = time.perf_counter() - t0
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if PROFILE:
        explain_one(client)
    result = measure(client, requests)
    report(f"database (PostgreSQL) {size:>7,} cases", result, f"   (inserted at {size / took:,.0f} cases/s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--es-sizes", default="10000,100000", help="comma-separated case counts for Elasticsearch")
    parser.add_argument("--db-size", type=int, default=10000, help="case count for the database backend (0 skips)")
    parser.add_argument(
        "--es-url", default="", help="benchmark this Elasticsearch instead of starting osmem-server (stock client)"
    )
    parser.add_argument("--profile", action="store_true", help="print the SQL of one request first")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.es_sizes.split(",") if s.strip()]
    global PROFILE
    PROFILE = args.profile

    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"bench_cases_{os.getpid()}"
    settings.DEBUG = False
    config = setup_databases(verbosity=0, interactive=False)
    try:
        client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
        print(f"Case search API benchmark: {args.requests} requests per run, 2-character query + 2 filters + facets")
        from college.core.demo import seed as seed_home

        seed_home()
        from cases.default_lists import ensure_default_lists

        ensure_default_lists()
        if sizes:
            bench_elasticsearch(client, sizes, args.requests, args.es_url)
        if args.db_size:
            bench_database(client, args.db_size, args.requests)
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
