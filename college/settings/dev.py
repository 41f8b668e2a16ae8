"""Development settings: the embedded default that `make run` uses."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool, env_number

DEBUG = env_bool("DEBUG", True)

# Without SECRET_KEY in the environment, the key is read from var/secret_key so
# that sessions survive restarts.  `make dev-key` (run by make run, make test …) writes it once
# (scripts/dev-secret-key.py); the settings only read it, never write.
DEV_SECRET_KEY_FILE = VAR_DIR / "secret_key"
if not SECRET_KEY:  # noqa: F405
    try:
        SECRET_KEY = DEV_SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        SECRET_KEY = ""
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            f"No SECRET_KEY: set the SECRET_KEY environment variable, or run `make run` or `make dev-key` (or "
            f"`.venv/bin/python scripts/dev-secret-key.py`) once to write {DEV_SECRET_KEY_FILE}."
        )

ALLOWED_HOSTS = ALLOWED_HOSTS + ["testserver"]  # noqa: F405
# Relaxed for the local HTTP server only.
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

# `make run` serves through gunicorn (scripts/run-dev.sh), not runserver: whitenoise serves the
# static files straight from the apps' and static/ folders and sees an edited file at once, no
# collectstatic needed (these are whitenoise's defaults under DEBUG; stated so they hold without).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A template or code change shows at the next reload; PAGE_CACHE_SECONDS=300 to try the cache.
PAGE_CACHE_SECONDS = env_number("PAGE_CACHE_SECONDS", 0)
