#!/usr/bin/env bash
# Run every benchmark under bench/ (each measures and prints a report; none
# is a pass/fail test). Results are also written to bench-results/.
# Each script takes its own options (see its docstring); run one alone as
#   DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/<name>.py
set -uo pipefail
export DJANGO_SETTINGS_MODULE=college.settings.test
mkdir -p bench-results
status=0
shopt -s nullglob
for script in bench/*.py; do
  name=$(basename "$script" .py)
  echo "=== $name"
  if ! .venv/bin/python "$script" | tee "bench-results/$name.txt"; then
    echo "benchmark $name failed" >&2
    status=1
  fi
done
exit $status
