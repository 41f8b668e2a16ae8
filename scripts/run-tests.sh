#!/usr/bin/env bash
# The whole suite on real services on today's clock, then the date_sensitive tests under each
# fixed date of COLLEGE_TEST_DATES (docs/testing.md, "Running on a given date").
# Exits non-zero when any run fails (or collects no test).
set -uo pipefail
export DJANGO_SETTINGS_MODULE=college.settings.test
# A weekday, a Monday (halls closed), New Year's Eve, a leap day, National Day and Spring Festival.
DATES=${COLLEGE_TEST_DATES:-"2027-03-10 2027-03-15 2026-12-31 2028-02-29 2027-10-01 2028-01-26"}

run() {
  .venv/bin/python -m pytest "$@"
  local status=$?
  if [[ $status -eq 5 ]]; then
    echo "pytest collected no tests" >&2
    return 1
  fi
  return $status
}

failed=0
run "$@" || failed=1
for day in $DATES; do
  echo "=== date_sensitive tests with the clock on $day ==="
  COLLEGE_TEST_DATE=$day run -q -m date_sensitive "$@" || { echo "FAILED on $day" >&2; failed=1; }
done
exit $failed
