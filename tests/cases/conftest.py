import pytest

from .factories import CaseLibraryPageFactory


@pytest.fixture(autouse=True)
def _database_search_unless_asked(settings):
    # The tests choose their search backend; a developer's ELASTICSEARCH_URL
    # must not send the database tests to a real cluster.
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def library(home_page):
    # A transactional test (browser journeys) flushes the data migration's
    # lists; put them back so every test starts from a fresh install's state.
    from cases.default_lists import ensure_default_lists

    ensure_default_lists()
    return CaseLibraryPageFactory(parent=home_page)
