"""A database that cannot be had is a 503 with Retry-After in the visitor's language; the pool settings.

The real outage (PostgreSQL stopped behind gunicorn) is tests/core/test_database_outage.py; here
the errors psycopg and the pool raise are raised where a request meets the database.
"""

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from college.core import health
from college.core.errors import DATABASE_RETRY_AFTER
from college.core.middleware import DatabaseUnavailableMiddleware
from college.settings.base import postgresql_pool

ROOT = Path(__file__).resolve().parents[2]
TOO_MANY = "connection failed: FATAL:  sorry, too many clients already"
BUSY_ZH = "网站此刻访问繁忙，请几秒钟后再试。"
BUSY_EN = "The site is very busy at the moment. Please try again in a few seconds."


def raise_(error):
    def boom(*args, **kwargs):
        raise error

    return boom


@pytest.fixture
def search_fails(monkeypatch):
    from wagtail.models import Page

    monkeypatch.setattr(Page.objects, "live", raise_(OperationalError(TOO_MANY)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, headers, language, title",
    [
        ("/search/?q=枫桥", {}, "zh-hans", "网站繁忙"),
        ("/en/search/?q=Fengqiao", {}, "en", "The site is busy"),
        # The path decides, as for every page: Chinese at the root whatever the browser asks.
        ("/search/?q=x", {"HTTP_ACCEPT_LANGUAGE": "en"}, "zh-hans", "网站繁忙"),
    ],
)
def test_a_page_that_cannot_get_a_connection_is_a_503_page_in_its_language(
    client, search_fails, path, headers, language, title
):
    response = client.get(path, **headers)
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html
    assert str(DATABASE_RETRY_AFTER) in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers, message",
    [({}, BUSY_ZH), ({"HTTP_ACCEPT_LANGUAGE": "en"}, BUSY_EN), ({"HTTP_X_LANGUAGE": "en"}, BUSY_EN)],
)
def test_an_api_that_cannot_get_a_connection_answers_the_shared_json_error(client, monkeypatch, headers, message):
    from wagtail.api.v2.views import PagesAPIViewSet

    monkeypatch.setattr(PagesAPIViewSet, "get_queryset", raise_(InterfaceError("connection already closed")))
    response = client.get("/api/v2/pages/", **headers)
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert response.json() == {
        "code": "unavailable",
        "errors": {"__all__": [message]},
        "retry_after": DATABASE_RETRY_AFTER,
    }


@pytest.mark.django_db
def test_a_middleware_below_that_meets_the_database_down_gives_a_503_not_a_500():
    """Sessions and the signed-in user are read in middleware, where Django turns errors into a 500."""
    from django.core.handlers.exception import convert_exception_to_response

    inner = convert_exception_to_response(raise_(OperationalError(TOO_MANY)))
    middleware = DatabaseUnavailableMiddleware(inner)
    response = middleware(RequestFactory().get("/en/visits/"))
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert "The site is busy" in response.content.decode()

    other = DatabaseUnavailableMiddleware(convert_exception_to_response(raise_(ValueError("a bug"))))
    assert other(RequestFactory().get("/en/visits/")).status_code == 500  # a bug stays a 500


@pytest.mark.django_db
def test_healthz_reports_the_database_unavailable_without_waiting_for_it_again(client, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "database", raise_(OperationalError(TOO_MANY)))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    checks = response.json()["checks"]
    assert checks["database"]["ok"] is False
    assert "too many clients" in checks["database"]["detail"]
    assert checks["worker"] == {"ok": False, "detail": "not checked: the database is unavailable"}
    assert checks["search"] == {"ok": False, "detail": "not checked: the database is unavailable"}
    assert checks["cache"]["ok"] is True


@pytest.mark.django_db
def test_a_signed_in_request_reads_its_session_from_the_cache(client, home_page):
    from tests.accounts.factories import UserFactory

    user = UserFactory(email="learner@example.org")
    client.force_login(user)
    client.get("/search/")  # the first request may fill the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/")
    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert not [query["sql"] for query in queries if "django_session" in query["sql"]]


# ---------------------------------------------------------------------------
# The pool in the settings
# ---------------------------------------------------------------------------
def test_the_pool_is_given_to_postgresql_with_no_persistent_connections():
    database = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60, "OPTIONS": {}}
    postgresql_pool(database, min_size=2, max_size=8, timeout=5.0)
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 5.0}
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True  # the pool checks a connection before handing it out


def test_no_pool_for_sqlite_or_with_db_pool_max_0():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "CONN_MAX_AGE": 0, "OPTIONS": {}}
    assert "pool" not in postgresql_pool(sqlite)["OPTIONS"]
    off = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60, "OPTIONS": {}}
    assert "pool" not in postgresql_pool(off, max_size=0)["OPTIONS"]
    assert off["CONN_MAX_AGE"] == 60


def test_the_test_settings_have_no_pool(settings):
    """The rest of the suite (e.g. 200 threads in tests/visits/test_concurrency.py) runs as before."""
    assert "pool" not in settings.DATABASES["default"].get("OPTIONS", {})


def test_the_production_settings_pool_postgresql_from_the_environment():
    code = "import json; from college.settings import production as s; print(json.dumps(s.DATABASES['default']))"
    env = {
        **os.environ,
        "SECRET_KEY": "p" * 60,
        "ALLOWED_HOSTS": "college.example.org",
        "DATABASE_URL": "postgres://college@db.example.org:5432/college",
        "DB_POOL_MIN": "3",
        "DB_POOL_MAX": "12",
        "DB_POOL_TIMEOUT": "7.5",
    }
    env.pop("DJANGO_SETTINGS_MODULE")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["OPTIONS"]["pool"] == {"min_size": 3, "max_size": 12, "timeout": 7.5}
    assert database["CONN_MAX_AGE"] == 0


def test_the_gunicorn_configuration_reads_the_environment(monkeypatch):
    for name, value in {"WEB_CONCURRENCY": "5", "WEB_THREADS": "8", "WEB_TIMEOUT": "45", "PORT": "9001"}.items():
        monkeypatch.setenv(name, value)
    conf = runpy.run_path(str(ROOT / "college" / "gunicorn_conf.py"))
    assert conf["worker_class"] == "gthread"
    assert (conf["workers"], conf["threads"], conf["timeout"]) == (5, 8, 45)
    assert conf["bind"] == "0.0.0.0:9001"
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    assert conf["keepalive"] > 0 and conf["graceful_timeout"] > 0
