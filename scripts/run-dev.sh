#!/usr/bin/env bash
# Serve the site on 127.0.0.1:$PORT with a Celery worker (and beat) beside it,
# until Ctrl-C stops both.  The server is gunicorn with the production configuration
# (college/gunicorn_conf.py: gthread workers, so many browsers at once are served, not reset)
# and --reload, which restarts it when a source file changes; the development settings
# serve static files from the apps' folders (whitenoise, settings/dev.py).
set -euo pipefail
PORT="${PORT:-8000}"
mkdir -p var/log
.venv/bin/celery -A college worker --beat --loglevel INFO --concurrency 2 \
  --schedule var/celerybeat-schedule >var/log/worker.log 2>&1 &
WORKER_PID=$!
trap 'kill $WORKER_PID 2>/dev/null; wait $WORKER_PID 2>/dev/null' EXIT INT TERM
echo "Celery worker and beat running (pid $WORKER_PID, log var/log/worker.log)"
echo "Serving http://127.0.0.1:${PORT}/  (English: /en/, admin: /admin/, health: /healthz) — Ctrl-C to stop"
# Two workers are plenty on a laptop; WEB_CONCURRENCY and WEB_THREADS still win when set.
WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}" DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-college.settings.dev}" \
  .venv/bin/gunicorn -c college/gunicorn_conf.py --bind "127.0.0.1:${PORT}" --reload
