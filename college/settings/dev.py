"""Development settings: the embedded default that `make run` uses."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)

if not SECRET_KEY:  # noqa: F405
    # Generated once and kept in var/ so that sessions survive restarts.
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = ALLOWED_HOSTS + ["testserver"]  # noqa: F405
# Relaxed for the local HTTP server only.
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
