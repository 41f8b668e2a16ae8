"""Fixtures shared by every test module."""

import datetime
import os
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache

# --------------------------------------------------------------------------
# The suite on a given date (docs/testing.md, "Running on a given date").
# COLLEGE_TEST_DATE=YYYY-MM-DD travels the clock of every test -- its fixtures,
# the test and its teardown -- to that day at TEST_TIME_OF_DAY in Asia/Shanghai,
# ticking from there. time_machine patches time.time, datetime.now, date.today
# (so Django's timezone.now and localdate follow). Processes a test starts
# (Celery workers, Chromium) keep the real clock: those tests are not date_sensitive.
# --------------------------------------------------------------------------
TEST_DATE_ENV = "COLLEGE_TEST_DATE"
TEST_TIME_OF_DAY = datetime.time(10, 0)
TEST_TIME_ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")


def travel_instant(value: str) -> datetime.datetime:
    """The instant a run on ``value`` (YYYY-MM-DD) starts each test at; ValueError when not a date."""
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{TEST_DATE_ENV}={value!r} is not a date YYYY-MM-DD") from None
    return datetime.datetime.combine(day, TEST_TIME_OF_DAY, tzinfo=TEST_TIME_ZONE)


def pytest_configure(config):
    if os.environ.get(TEST_DATE_ENV):
        try:
            travel_instant(os.environ[TEST_DATE_ENV])
        except ValueError as error:
            raise pytest.UsageError(str(error)) from None


def pytest_report_header(config):
    if os.environ.get(TEST_DATE_ENV):
        return f"{TEST_DATE_ENV}: clock travelled to {travel_instant(os.environ[TEST_DATE_ENV]).isoformat()}"
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    value = os.environ.get(TEST_DATE_ENV)
    if not value:
        yield
        return
    with time_machine.travel(travel_instant(value), tick=True):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached fragments live in the (real, shared) Redis cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The demo home page in zh-hans with its English translation."""
    from college.core.demo import seed

    return seed()


@pytest.fixture
def english_home(home_page):
    from wagtail.models import Locale

    return home_page.get_translation(Locale.objects.get(language_code="en")).specific


# --------------------------------------------------------------------------
# Elasticsearch: osmem-server, the in-memory Elasticsearch-API engine, is
# started once per session by its pytest plugin (fixture ``osmem_server``).
# ``elasticsearch_url`` gives each test a fresh clone of it.
# --------------------------------------------------------------------------
@pytest.fixture
def elasticsearch_url(osmem_clone):
    return osmem_clone.url


@pytest.fixture
def wagtail_elasticsearch(settings, elasticsearch_url):
    """Switch Wagtail's search backend to Elasticsearch (osmem) for one test."""
    from college.settings.base import wagtail_elasticsearch_backend

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.WAGTAILSEARCH_BACKENDS = {"default": wagtail_elasticsearch_backend(elasticsearch_url)}
    return elasticsearch_url


# --------------------------------------------------------------------------
# Browser tests: Playwright driving Debian's Chromium against live_server.
# --------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own
    # ORM calls are still synchronous, so tell Django not to refuse them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (phone-sized when asked with ``@pytest.mark.phone``)."""
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()
