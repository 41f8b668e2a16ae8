"""Test settings: the suite runs on the real services of docs/testing.md.

PostgreSQL (DATABASE_URL, default the local trust-auth server) and Redis
(TEST_REDIS_URL) as cache and Celery broker.  Tasks run eagerly in-process
unless a test starts a real worker (tests/core/test_worker.py).
"""

import os

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-use-0123456789abcdef"
DEBUG = False
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/college"),
        conn_max_age=0,
    )
}

# osmem-server answers the stock client's versioned media type with 406; this test-only node
# sends plain JSON (tests/elasticsearch_node.py).  Production uses the stock node.
ELASTICSEARCH_NODE_CLASS = "tests.elasticsearch_node.PlainJSONNode"

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": TEST_REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "college-test"),
    }
}
# Off, so that the suite sees every change at once; tests/core/test_page_cache.py switches it on.
PAGE_CACHE_SECONDS = 0
CELERY_BROKER_URL = TEST_REDIS_URL
# base.py chose the options for its default (SQLAlchemy) broker; Redis redelivers by timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULE = {}

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "college.core.search.backends.ChineseDatabaseSearchBackend"},
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite never runs collectstatic (live_server serves static files from the finders), so
# there is no STATIC_ROOT for whitenoise to scan, and none that would have to exist.
STATIC_ROOT = None
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = WAGTAILADMIN_BASE_URL
