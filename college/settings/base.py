"""Settings shared by every environment.

Everything that differs between a laptop and a cluster is read from the
environment; the defaults are the *embedded* set-up (SQLite, a file-backed
Celery broker, database search, local media) so that the site runs with no
configuration at all.  The README lists every variable.

Importing the settings writes nothing (collecting the tests, mypy's Django
plugin and ``manage.py check`` leave no trace): ``make run``'s prepare step
creates ``var/`` and the development secret key, the core app creates the
directory of an embedded SQLite file when Django starts
(``college.core.embedded``), and the storages, the file email backend and
``collectstatic`` create their own directories when they first write.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("COLLEGE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_number(name, default):
    """An int or float from the environment, of the same type as the default."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return type(default)(value)


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------
INSTALLED_APPS = [
    # Project apps first so that their templates and translations win.
    "college.core",
    "college.accounts",
    "college.organisations",
    "college.visits",
    "college.certificates",
    "exhibits",
    "courses",
    "cases",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # High up, so that a database that cannot be had is a 503 with Retry-After (never a 500) also
    # when sessions or the signed-in user meet it; below WhiteNoise, as static files need no database.
    "college.core.middleware.DatabaseUnavailableMiddleware",
    # Page cache, compression, ETag/304 (college/core/page_cache.py): gzip above the conditional
    # GET (which must hash the uncompressed body); the cache after locale (part of its key).
    "college.core.page_cache.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "college.core.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After locale, session and user, so that its 400 page is in the visitor's language.
    "college.core.middleware.RejectMalformedRequestMiddleware",
    "college.accounts.middleware.RequireStaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "college.urls"
# Under /api/ a CSRF refusal is the APIs' JSON error body, elsewhere Django's page.
CSRF_FAILURE_VIEW = "college.core.errors.csrf_failure"
WSGI_APPLICATION = "college.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "college.core.context_processors.site_navigation",
            ],
        },
    },
]

# --------------------------------------------------------------------------
# Database: DATABASE_URL, default a SQLite file under var/
# --------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'college.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; the timeout makes
    # writers queue instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# PostgreSQL: a bounded pool of connections per process (Django's psycopg pool), so that a burst of
# requests waits for a free connection instead of opening one each and meeting PostgreSQL's
# "too many clients".  Size it so that every process's DB_POOL_MAX together stays below
# max_connections (docs/deployment.md, "Database connections").  A request that waits longer than
# DB_POOL_TIMEOUT seconds gets a 503 with Retry-After (college.core.middleware).  DB_POOL_MAX=0
# turns the pool off (one connection per thread, kept DATABASE_CONN_MAX_AGE seconds), e.g. behind
# PgBouncer.  The health check on every checkout (CONN_HEALTH_CHECKS) drops the connections a
# PostgreSQL restart broke, so the site recovers without restarting gunicorn.
DB_POOL_MIN = env_number("DB_POOL_MIN", 2)
DB_POOL_MAX = env_number("DB_POOL_MAX", 4)
DB_POOL_TIMEOUT = env_number("DB_POOL_TIMEOUT", 10.0)


def postgresql_pool(database, min_size=DB_POOL_MIN, max_size=DB_POOL_MAX, timeout=DB_POOL_TIMEOUT):
    """Give a PostgreSQL entry of DATABASES the connection pool (CONN_MAX_AGE must then be 0)."""
    if database["ENGINE"] != "django.db.backends.postgresql" or max_size <= 0:
        return database
    database["CONN_MAX_AGE"] = 0
    database["CONN_HEALTH_CHECKS"] = True
    database.setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(min_size, max_size),
        "max_size": max_size,
        "timeout": timeout,
    }
    return database


postgresql_pool(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --------------------------------------------------------------------------
# Cache: REDIS_URL, default local memory
# --------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "college"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "college",
        },
        # Pages in files, not process memory: a publish from any process (the admin, the worker's
        # scheduled publishing, a management command) must purge what every process serves.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }
# Anonymous visitors get pages from the cache for this many seconds; every publish, unpublish,
# move or delete purges it at once (college/core/page_cache.py, docs/deployment.md).  0 disables.
PAGE_CACHE_SECONDS = env_number("PAGE_CACHE_SECONDS", 300)
# Cache-Control max-age of those pages for browsers and proxies (which a purge cannot reach
# unless wagtail.contrib.frontend_cache is set up): short, so a change shows within a minute.
PAGE_CACHE_MAX_AGE = env_number("PAGE_CACHE_MAX_AGE", 60)

# The session is read from the cache and only written through to the database, so that a
# signed-in request does not cost a query for its session (and a cache miss still finds it).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --------------------------------------------------------------------------
# Authentication (django-allauth)
# --------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# People signing up must be told plainly that their address is already
# registered (a cadre often forgets an earlier account); that reveals which
# addresses have accounts, which the college accepts.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "college.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "college.accounts.forms.SignupForm"}
# allauth's default login_failed limit is "10/m/ip,5/300s/key": the sixth wrong
# password for one account within five minutes is refused.  Stated here so the
# rule is visible and tested (tests/accounts/test_admin_and_security.py,
# test_the_sixth_wrong_password_within_five_minutes_is_refused).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Fengqiao College"
# When true, members of staff, editor and reviewer roles must set up TOTP
# before they may use the Wagtail admin or staff pages.
COLLEGE_REQUIRE_STAFF_MFA = env_bool("COLLEGE_REQUIRE_STAFF_MFA", False)

WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

# --------------------------------------------------------------------------
# Internationalisation: zh-hans first, English under /en/
# --------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --------------------------------------------------------------------------
# Static files and media
# --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files that must never be public (certificate PDFs, uploaded rosters) live
# outside MEDIA_ROOT and are served only through views that check permission.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --------------------------------------------------------------------------
# Email: default writes each message as a file under var/mail/
# --------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "枫桥学院 <noreply@fengqiao-college.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --------------------------------------------------------------------------
# Celery: CELERY_BROKER_URL, default a SQLite file under var/ (no server)
# --------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only after it finished, and given back to the queue
# if the worker process dies, so that nothing is lost mid-way; every task of
# the project is written to be safe when run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task of the project may run longer than this (seconds); the soft limit lets it log first.
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))
CELERY_TASK_SOFT_TIME_LIMIT = max(CELERY_TASK_TIME_LIMIT - 30, 1)
# With Redis, a task taken by a worker that then dies (power, OOM kill, SIGKILL) goes back to the
# queue once this many seconds have passed without an acknowledgement.  It must be longer than the
# longest task and than the longest retry countdown (certificates back off to 600 s), or a task
# still running or waiting would be handed out a second time; short enough that a dead worker's
# tasks return within minutes (docs/deployment.md, "Workers that die").
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900"))
# Only brokers that redeliver by timeout know the option: the embedded SQLAlchemy broker's engine
# refuses it (make run failed with "Invalid argument(s) 'visibility_timeout'").
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {} if CELERY_BROKER_URL.startswith("sqla+") else {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_MAX_MEMORY_PER_CHILD = int(os.environ.get("CELERY_WORKER_MAX_MEMORY_PER_CHILD", "350000"))  # KiB
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "college.core.tasks.record_worker_heartbeat", "schedule": 30.0},
    # Tasks whose hand-over failed while the broker was down (college/core/outbox.py).
    "outbox-relay": {"task": "college.core.tasks.relay_outbox", "schedule": 60.0},
    # Times are Asia/Shanghai (CELERY_TIMEZONE).
    "visits-reminders": {"task": "college.visits.tasks.send_visit_reminders", "schedule": crontab(hour=9, minute=0)},
    "visits-open-slots": {"task": "college.visits.tasks.generate_slots_ahead", "schedule": crontab(hour=0, minute=30)},
}

# --------------------------------------------------------------------------
# Search: database by default, Elasticsearch when ELASTICSEARCH_URL is set
# --------------------------------------------------------------------------
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "college")
# Dotted path of an elastic_transport node class; empty in production.  The
# tests set tests.elasticsearch_node.PlainJSONNode for osmem-server.
ELASTICSEARCH_NODE_CLASS = os.environ.get("ELASTICSEARCH_NODE_CLASS", "")


def wagtail_elasticsearch_backend(url):
    # The backend adds ELASTICSEARCH_NODE_CLASS to the client's OPTIONS.
    return {
        "BACKEND": "college.core.search.backends.ChineseElasticsearch8SearchBackend",
        "URLS": [url],
        "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_wagtail_",
        "TIMEOUT": 10,
    }


if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {"default": wagtail_elasticsearch_backend(ELASTICSEARCH_URL)}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "college.core.search.backends.ChineseDatabaseSearchBackend"},
    }

# --------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "枫桥学院"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg"}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_APPROVAL_TO_PUBLISH = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# --------------------------------------------------------------------------
# Content security policy (django-csp 4): everything from this site only.
# --------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        # The Wagtail admin uses inline styles and scripts; the public site
        # does not, but one policy keeps the admin working.
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --------------------------------------------------------------------------
# College rules (listed in the README, explained in each part's docs/<part>.md)
# --------------------------------------------------------------------------
COLLEGE_NAME = _("Fengqiao College")
SITE_URL = WAGTAILADMIN_BASE_URL

# Courses and credit hours (docs/courses.md)
COLLEGE_ANNUAL_CREDIT_TARGET = env_number("COLLEGE_ANNUAL_CREDIT_TARGET", 50)
COLLEGE_ANNUAL_REQUIRED_TARGET = env_number("COLLEGE_ANNUAL_REQUIRED_TARGET", 30)
COLLEGE_VIDEO_COMPLETION_RATIO = env_number("COLLEGE_VIDEO_COMPLETION_RATIO", 0.9)
COLLEGE_PLAYBACK_RATE_CAP = env_number("COLLEGE_PLAYBACK_RATE_CAP", 2.0)
COLLEGE_HEARTBEAT_INTERVAL_SECONDS = env_number("COLLEGE_HEARTBEAT_INTERVAL_SECONDS", 15)
COLLEGE_HEARTBEAT_MAX_GAP_SECONDS = env_number("COLLEGE_HEARTBEAT_MAX_GAP_SECONDS", 60)
COLLEGE_REMINDER_MIN_INTERVAL_HOURS = env_number("COLLEGE_REMINDER_MIN_INTERVAL_HOURS", 20)
COLLEGE_ROSTER_MAX_BYTES = env_number("COLLEGE_ROSTER_MAX_BYTES", 2 * 1024 * 1024)
COLLEGE_ROSTER_MAX_ROWS = env_number("COLLEGE_ROSTER_MAX_ROWS", 2000)
# Organisations (docs/organisations.md)
COLLEGE_UNIT_REMINDER_INTERVAL_HOURS = env_number("COLLEGE_UNIT_REMINDER_INTERVAL_HOURS", 72)
COLLEGE_UNIT_IMPORT_MAX_BYTES = env_number("COLLEGE_UNIT_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
COLLEGE_UNIT_IMPORT_MAX_ROWS = env_number("COLLEGE_UNIT_IMPORT_MAX_ROWS", 5000)
# Evidence a cadre uploads with declared offline hours (PDF or image): larger files are refused.
COLLEGE_DECLARATION_EVIDENCE_MAX_BYTES = env_number("COLLEGE_DECLARATION_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)
# Visit booking (docs/visits.md)
COLLEGE_VISITS_ANNUAL_TARGET = env_number("COLLEGE_VISITS_ANNUAL_TARGET", 100_000)
COLLEGE_VISITS_BOOKING_WINDOW_DAYS = env_number("COLLEGE_VISITS_BOOKING_WINDOW_DAYS", 60)
COLLEGE_VISITS_MIN_NOTICE_DAYS = env_number("COLLEGE_VISITS_MIN_NOTICE_DAYS", 2)
COLLEGE_VISITS_NOTIFY_EMAILS = env_list("COLLEGE_VISITS_NOTIFY_EMAILS") or None
COLLEGE_VISITS_ROSTER_MAX_BYTES = env_number("COLLEGE_VISITS_ROSTER_MAX_BYTES", 200 * 1024)
# Typical cases (docs/cases.md): "cjk" needs no plugin; "ik_max_word",
# "ik_smart" or "smartcn" use that Elasticsearch plugin.
COLLEGE_CASES_ANALYZER = os.environ.get("COLLEGE_CASES_ANALYZER", "cjk")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
