#!/usr/bin/env bash
# Benchmarks measure and report; none is a pass/fail test (docs/benchmarks.md).
#   scripts/run-benchmarks.sh [stack|parts|all] [options of the stack benchmark]
# stack (default): the whole production stack (bench/stack/, `python -m bench.stack --help`):
#   make serve on PostgreSQL and Redis, wrk and Python clients, the goals of issue 11; report in
#   bench-results/stack-<date>-<time>-<commit>.{md,json}.
# parts: every per-part benchmark bench/*.py with its own defaults (each makes its own database,
#   runs Django in-process); its output goes to bench-results/<name>.txt. Run one alone as
#   DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/<name>.py
# all: both.
set -uo pipefail
which="stack"
if [[ "${1:-}" =~ ^(stack|parts|all)$ ]]; then
  which=$1
  shift
fi
mkdir -p bench-results
status=0
if [[ $which == stack || $which == all ]]; then
  echo "=== stack"
  .venv/bin/python -m bench.stack "$@" || { echo "benchmark stack failed" >&2; status=1; }
fi
if [[ $which == parts || $which == all ]]; then
  shopt -s nullglob
  for script in bench/*.py; do
    name=$(basename "$script" .py)
    echo "=== $name"
    if ! DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python "$script" | tee "bench-results/$name.txt"; then
      echo "benchmark $name failed" >&2
      status=1
    fi
  done
fi
exit $status
