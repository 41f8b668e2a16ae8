import pytest

from .factories import make_library


@pytest.fixture
def library(home_page):
    return make_library(home_page)
