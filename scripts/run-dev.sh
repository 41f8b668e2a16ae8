#!/usr/bin/env bash
# Serve the site on 127.0.0.1:$PORT with a Celery worker (and beat) beside it,
# until Ctrl-C stops both.
set -euo pipefail
PORT="${PORT:-8000}"
PY=".venv/bin/python"
mkdir -p var/log
.venv/bin/celery -A college worker --beat --loglevel INFO --concurrency 2 \
  --schedule var/celerybeat-schedule >var/log/worker.log 2>&1 &
WORKER_PID=$!
trap 'kill $WORKER_PID 2>/dev/null; wait $WORKER_PID 2>/dev/null' EXIT INT TERM
echo "Celery worker and beat running (pid $WORKER_PID, log var/log/worker.log)"
echo "Serving http://127.0.0.1:${PORT}/  (English: /en/, admin: /admin/, health: /healthz) — Ctrl-C to stop"
"$PY" manage.py runserver "127.0.0.1:${PORT}"
