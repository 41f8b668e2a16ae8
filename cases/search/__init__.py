"""Case search: one interface (``base.CaseSearchBackend``), two implementations.

``get_case_search()`` returns the Elasticsearch implementation when
ELASTICSEARCH_URL is set and the database implementation otherwise.
"""

from django.conf import settings

from . import lists  # noqa: F401  (connects the cache invalidation)
from .base import CaseQuery, CaseResults, CaseSearchBackend, SearchUnavailable  # noqa: F401


def uses_elasticsearch():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def get_case_search():
    if uses_elasticsearch():
        from .elasticsearch import ElasticsearchCaseSearch

        return ElasticsearchCaseSearch()
    from .database import DatabaseCaseSearch

    return DatabaseCaseSearch()


def search_cases(query):
    """Run a CaseQuery on the configured backend."""
    return get_case_search().search(query)
