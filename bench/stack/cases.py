"""Case search at 10k and 100k cases: the public page ``/cases/?q=调解`` over HTTP, with and without
filters, on PostgreSQL (database search) and on osmem-server (the Elasticsearch API).

Each size has a database of its own, made by ``seed_demo --cases N`` (the generator of
``cases/synthetic.py``) and kept as a ``pg_dump`` under ``var/bench/`` between runs: the dump is
named by a hash of everything that shapes it (migrations, demo and synthetic modules, the lock file),
so any change to those makes a fresh one.
"""

import hashlib
import time
from itertools import cycle
from pathlib import Path
from urllib.parse import urlencode

from .client import HttpClient, Recorder, timed
from .stack import ROOT, Stack, free_port, log, psql

QUERY = "调解"
WORKERS_TO_WARM = 4  # more than make serve's default of 3 gunicorn workers


def filters():
    """The filter combinations of bench/cases_search.py (two filters each)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_cases_search", ROOT / "bench" / "cases_search.py")
    source = spec.loader.get_source("bench_cases_search")
    namespace = {}
    # Only the FILTERS literal: the script itself sets Django up and makes a database when run.
    start = source.index("FILTERS = [")
    end = source.index("]\n", start) + 1
    exec(source[start:end], namespace)  # noqa: S102 (our own file, a list literal)
    return namespace["FILTERS"]


def dataset_key():
    """A hash of what shapes the case database: migrations, demo content, the generator, the lock file."""
    files = [ROOT / "cases" / "synthetic.py", ROOT / "requirements.lock"]
    for app in ("college", "exhibits", "courses", "cases"):
        for path in (ROOT / app).rglob("*"):
            parts = path.relative_to(ROOT).parts
            if not path.is_file() or "__pycache__" in parts or path.suffix in (".pyc", ".mo"):
                continue
            if "migrations" in parts or any(part.startswith("demo") for part in parts):
                files.append(path)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def library_path(database):
    """The public path of the zh-hans case library, read from the database (no demo constants)."""
    row = psql(
        "SELECT p.url_path, r.url_path FROM cases_caselibrarypage l "
        "JOIN wagtailcore_page p ON p.id = l.page_ptr_id JOIN wagtailcore_locale lo ON lo.id = p.locale_id "
        "JOIN wagtailcore_site s ON s.is_default_site JOIN wagtailcore_page r ON r.id = s.root_page_id "
        "WHERE lo.language_code = 'zh-hans' AND p.live ORDER BY p.path LIMIT 1",
        database=database,
    )
    page_path, root_path = row.split("|")
    return "/" + page_path[len(root_path) :]


def measure(stack, requests, budget):
    """Sequential requests (one at a time: latency, not queueing) of the query alone and with filters."""
    path = library_path(stack.database)
    results = {}
    variants = {
        "no filters": cycle([{"q": QUERY}]),
        "with filters": cycle([{"q": QUERY, **f} for f in filters()]),
    }
    for name, params in variants.items():
        http = HttpClient(stack.port, headers={"Accept-Language": "zh-CN,zh;q=0.9"}, timeout=120)
        # Every gunicorn worker answers its first requests slowly (imports, templates): warm them all.
        warm = Recorder()
        warm_started = time.perf_counter()
        while warm.statuses.total() < 3 * WORKERS_TO_WARM and time.perf_counter() - warm_started < budget / 2:
            timed(warm, lambda http=http, params=params: http.get(f"{path}?{urlencode(next(params))}"))
        recorder = Recorder()
        started = time.perf_counter()
        while recorder.statuses.total() < requests and time.perf_counter() - started < budget:
            query = urlencode(next(params))
            timed(recorder, lambda http=http, query=query: http.get(f"{path}?{query}"))
        http.close()
        summary = recorder.summary(time.perf_counter() - started)
        summary["warm_up"] = {"count": len(warm.latencies), "max_ms": round(max(warm.latencies) * 1000, 1)}
        results[name] = summary
        log(
            f"    {name}: n={summary['count']}, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, {summary['statuses']}"
        )
    return results


def run(
    sizes,
    redis_db,
    port,
    var_root,
    requests=30,
    budget=60,
    keep_dumps=True,
    database="college_bench_cases",
    engines=("postgresql", "osmem"),
):
    """Measure case search at each size; ``database`` is dropped and made again, ``engines`` chooses
    PostgreSQL (database search) and/or osmem-server (the Elasticsearch API)."""
    from osmem_server import OsmemServer

    key = dataset_key()
    var_root = Path(var_root)
    var_root.mkdir(parents=True, exist_ok=True)
    for old in var_root.glob("cases-*.dump"):
        if key not in old.name:
            old.unlink()
    stack = Stack(database, redis_db, port, var_root / "cases")
    results = []
    current = 0
    try:
        for size in sorted(sizes):
            dump = var_root / f"cases-{size}-{key}.dump"
            t0 = time.perf_counter()
            if dump.exists():
                log(f"cases: restoring {size:,} cases from {dump.name} …")
                if current == 0:
                    stack.create()
                stack.restore(dump)
                origin = "restored from dump"
            else:
                if current == 0:
                    stack.prepare()
                log(f"cases: generating {size - current:,} synthetic cases (cached afterwards in {dump.name}) …")
                stack.manage("seed_demo", "--cases", str(size - current))
                if keep_dumps:
                    stack.dump(dump)
                origin = "generated"
            current = size
            prepared = round(time.perf_counter() - t0, 1)
            count = int(psql("SELECT count(*) FROM cases_casepage", database=stack.database))
            row = {"size": size, "cases": count, "dataset": origin, "prepare_s": prepared}
            log(f"  {count:,} cases ready ({origin}, {prepared} s)")
            if "postgresql" in engines:
                log("  PostgreSQL search:")
                stack.extra_env = {}
                stack.start(worker=False)
                try:
                    row["postgresql"] = measure(stack, requests, budget)
                finally:
                    stack.stop()
            if "osmem" not in engines:
                results.append(row)
                continue
            server = OsmemServer.start(addr=f"127.0.0.1:{free_port()}")
            try:
                stack.extra_env = {
                    "ELASTICSEARCH_URL": server.url,
                    "ELASTICSEARCH_NODE_CLASS": "college.core.search.elasticsearch.PlainJSONNode",
                    "ELASTICSEARCH_INDEX_PREFIX": "bench",
                }
                t0 = time.perf_counter()
                stack.manage("rebuild_case_index", "--no-progress", "--chunk-size", "1000")
                row["osmem_index_s"] = round(time.perf_counter() - t0, 1)
                log(f"  indexed into osmem-server in {row['osmem_index_s']} s; Elasticsearch API search:")
                stack.start(worker=False)
                try:
                    row["osmem"] = measure(stack, requests, budget)
                finally:
                    stack.stop()
            finally:
                server.close()
                stack.extra_env = {}
            results.append(row)
    finally:
        stack.destroy()
    return {"dataset_key": key, "requests_per_variant": requests, "budget_s": budget, "sizes": results}
