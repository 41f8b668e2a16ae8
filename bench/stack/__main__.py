"""The whole-stack benchmark: ``.venv/bin/python -m bench.stack [--quick] [--only SECTION,…] [--duration S]``.

Prepares the production stack (its own PostgreSQL database, Redis, ``make serve``, a Celery worker),
measures every figure of issue 11 over real HTTP, tears everything down and writes
``bench-results/stack-<date>-<time>-<commit>.{md,json}``. docs/benchmarks.md tells how to read it.
"""

import argparse
import os
import signal
import sys
import time
import traceback

from .stack import ROOT, Stack, free_port, git_commit, log

SECTIONS = ("pages", "queries", "bookings", "heartbeats", "burst", "cases")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.stack", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help=f"comma-separated sections to run: {', '.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="shorter runs, 500 learners, case search at 10k only")
    parser.add_argument(
        "--duration",
        type=float,
        default=None,
        help="seconds per wrk run (10; quick 5); saturation steps take 2×, the 500-learner run 9×",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("BENCH_PORT", "0")),
        help="first port to use (3 in a row; default: free ones)",
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE", "college_bench"),
        help="PostgreSQL database (dropped and created)",
    )
    parser.add_argument(
        "--redis-db",
        type=int,
        default=int(os.environ.get("BENCH_REDIS_DB", "5")),
        help="Redis database number (flushed)",
    )
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (1)")
    parser.add_argument("--learners", type=int, default=None, help="learners for the saturation run (2250; quick 500)")
    parser.add_argument(
        "--saturation-p95",
        type=float,
        default=200.0,
        help="p95 (ms) above which a heartbeat rate no longer holds (200)",
    )
    parser.add_argument("--case-sizes", default=None, help="case counts for case search (10000,100000; quick 10000)")
    parser.add_argument(
        "--case-engines",
        default="postgresql,osmem",
        help="engines measured by the case search section (postgresql,osmem)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (for a look with psql)")
    parser.add_argument("--output", default=str(ROOT / "bench-results"), help="report directory (bench-results/)")
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    args.duration = args.duration or (5.0 if args.quick else 10.0)
    args.learners = args.learners or (500 if args.quick else 2250)
    args.case_engines = [e.strip() for e in args.case_engines.split(",") if e.strip()]
    if set(args.case_engines) - {"postgresql", "osmem"}:
        parser.error("--case-engines: choose from postgresql, osmem")
    args.case_sizes = [int(s) for s in (args.case_sizes or ("10000" if args.quick else "10000,100000")).split(",") if s]
    return args


def reload_static_manifest():
    """Read the manifest that ``make serve`` wrote (this process loaded it before it existed)."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    if hasattr(staticfiles_storage, "load_manifest"):
        staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = staticfiles_storage.load_manifest()


def stop_on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    started = time.time()
    port = free_port(args.port)
    var_root = ROOT / "var" / "bench"
    stack = Stack(args.database, args.redis_db, port, var_root / "stack")
    # This process uses the same settings, database and cache as the server (fixtures, query counts,
    # checks afterwards): set them before Django is imported.
    os.environ.update(stack.env())
    import django

    django.setup()
    from . import bookings, burst, cases, heartbeats, pages, report, wrk

    meta = {
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "started_epoch": started,
        "commit": git_commit(),
        "command": " ".join(["python -m bench.stack", *sys.argv[1:]]),
        "cpus": os.cpu_count(),
        "load_start": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "database": args.database,
        "redis_db": args.redis_db,
        "server": "not started",
        "sections": args.sections,
        "durations": {"wrk_s": args.duration, "saturation_step_s": 2 * args.duration, "steady_s": 9 * args.duration},
    }
    results = {"errors": {}}
    main_sections = [s for s in args.sections if s != "cases"]
    interrupted = None

    def section(name, function):
        log(f"=== {name}")
        try:
            results[name] = function()
        except KeyboardInterrupt:
            raise
        except Exception as error:  # one broken section must not hide the others' figures
            traceback.print_exc()
            results["errors"][name] = f"{type(error).__name__}: {error}"[:500]

    try:
        if "pages" in main_sections and not wrk.available():
            sys.exit("wrk is missing: bash scripts/system-deps.sh --bench (or make bench) installs it")
        if main_sections:
            stack.prepare()
            stack.start(worker=True)
            reload_static_manifest()  # make serve has just collected the static files
            workers = len(stack.server_pids()) - 1
            meta["server"] = f"gunicorn, {workers} workers"
            if "pages" in main_sections:
                section(
                    "pages",
                    lambda: {
                        **pages.run_wrk(stack, args.duration, args.connections, args.threads),
                        "duration": args.duration,
                        "connections": args.connections,
                    },
                )
            if "queries" in main_sections:
                section("queries", pages.count_queries)
            if "bookings" in main_sections:
                section("bookings", lambda: bookings.run(stack, clients=50, requests=500 if args.quick else 1000))
            if "heartbeats" in main_sections:
                rates = [50, 100, 150, 200] if args.quick else [50, 75, 100, 150, 200, 250, 300, 400]
                section(
                    "heartbeats",
                    lambda: heartbeats.run(
                        stack, args.learners, 9 * args.duration, 2 * args.duration, args.saturation_p95, rates
                    ),
                )
            if "burst" in main_sections:
                section("burst", lambda: burst.run(stack))
            from django.db import connections

            connections.close_all()
            stack.stop()
        if "cases" in args.sections:
            section(
                "cases",
                lambda: cases.run(
                    args.case_sizes,
                    args.redis_db,
                    free_port(port + 1 if args.port else 0),
                    var_root,
                    database=f"{args.database}_cases",
                    engines=args.case_engines,
                ),
            )
    except KeyboardInterrupt as stop:
        interrupted = str(stop) or "Ctrl-C"
        results["errors"]["run"] = f"interrupted ({interrupted}): figures are partial"
        log(f"interrupted ({interrupted}); tearing down …")
    finally:
        from django.db import connections

        connections.close_all()
        stack.destroy(keep_database=args.keep)
        log("stack stopped, database " + ("kept" if args.keep else "dropped"))
    meta["load_end"] = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    meta["duration_s"] = time.time() - started
    if not results["errors"]:
        del results["errors"]
    text, base = report.write(results, meta, args.output)
    print()
    print(text)
    print(f"written: {base}.md and .json")
    return 1 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
