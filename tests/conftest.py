"""Fixtures shared by every test module."""

import pytest
from django.core.cache import cache


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
