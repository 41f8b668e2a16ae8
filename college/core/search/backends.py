"""Wagtail search backends that find Chinese words inside Chinese text.

Placeholder: chooses Wagtail's own backend for the database in use.  The CJK
segmentation lands with the search work of issue #2.
"""

from modelsearch.backends.database import SearchBackend as _database_backend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .elasticsearch import client_options


def ChineseDatabaseSearchBackend(params):
    return _database_backend(params)


class ChineseElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    def __init__(self, params):
        params = dict(params)
        params["OPTIONS"] = {**client_options(), **params.get("OPTIONS", {})}
        super().__init__(params)


SearchBackend = ChineseDatabaseSearchBackend
