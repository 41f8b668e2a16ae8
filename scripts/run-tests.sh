#!/usr/bin/env bash
# The whole suite on real services; exits non-zero on any failure.
set -uo pipefail
export DJANGO_SETTINGS_MODULE=college.settings.test
.venv/bin/python -m pytest "$@"
status=$?
if [[ $status -eq 5 ]]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit $status
