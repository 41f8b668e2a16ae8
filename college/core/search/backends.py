"""Wagtail search backends that find Chinese words inside Chinese text.

- Database (the embedded default on SQLite, and PostgreSQL): Wagtail's own
  backends, with indexed text and queries passed through ``cjk.segment`` /
  ``cjk.rewrite_query`` (character bigrams; see cjk.py for why).
- Elasticsearch: Wagtail's ``elasticsearch8`` backend with every text field
  analysed by a custom analyzer built from stock filters (``cjk_width``,
  ``lowercase``, ``cjk_bigram``), so no plugin is needed on the cluster.
"""

from django.db import connection
from modelsearch.backends import database as database_backends
from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend

from .elasticsearch import client_options


# ---------------------------------------------------------------------------
# Database backends (vendor modules are imported only for the vendor in use:
# modelsearch's SQLite module needs SQLite-only models)
# ---------------------------------------------------------------------------
def ChineseDatabaseSearchBackend(params):
    """The database backend for the connection in use, Chinese-aware."""
    if connection.vendor == "postgresql":
        from .database_postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    backend = database_backends.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .database_sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    # The fallback backend matches substrings (icontains): Chinese works as is.
    return backend


# ---------------------------------------------------------------------------
# Elasticsearch
# ---------------------------------------------------------------------------
CJK_ANALYZER = "college_cjk"
CJK_ANALYSIS = {
    "analyzer": {
        CJK_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_bigram"],
        }
    }
}


def _analyse_text_fields(properties):
    for mapping in properties.values():
        if mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["analyzer"] = CJK_ANALYZER
        if "properties" in mapping:
            _analyse_text_fields(mapping["properties"])


class ChineseElasticsearchMapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        _analyse_text_fields(mapping["properties"])
        return mapping


class ChineseElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = ChineseElasticsearchMapping

    def __init__(self, params):
        params = dict(params)
        params["OPTIONS"] = {**client_options(), **params.get("OPTIONS", {})}
        index_settings = params.setdefault("INDEX_SETTINGS", {})
        index_settings.setdefault("settings", {}).setdefault("analysis", {})
        for key, value in CJK_ANALYSIS.items():
            index_settings["settings"]["analysis"].setdefault(key, {}).update(value)
        super().__init__(params)


SearchBackend = ChineseDatabaseSearchBackend
