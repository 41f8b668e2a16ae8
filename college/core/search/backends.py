"""Wagtail search backends that find Chinese words inside Chinese text.

Placeholder: chooses Wagtail's own backend for the database in use.  The CJK
segmentation lands with the search work of issue #2.
"""

from modelsearch.backends.database import SearchBackend as _database_backend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend


def ChineseDatabaseSearchBackend(params):
    return _database_backend(params)


class ChineseElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    pass


SearchBackend = ChineseDatabaseSearchBackend
