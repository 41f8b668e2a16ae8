import pytest

from .factories import make_library


@pytest.fixture
def library(home_page):
    # A transactional test (browser journeys) flushes the data migration's
    # lists; put them back so every test starts from a fresh install's state.
    from cases.default_lists import ensure_default_lists

    ensure_default_lists()
    return make_library(home_page)
