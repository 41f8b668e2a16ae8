"""Mixins that put the database backends' text and queries through cjk.py."""

from typing import Any

from . import cjk


class SegmentingIndexerMixin:
    """Index Han runs as character bigrams (mixed into modelsearch's ``ObjectIndexer``)."""

    def prepare_value(self, value):
        # prepare_value comes from the indexer this is mixed into (see database_postgres/sqlite.py).
        return cjk.segment(super().prepare_value(value))  # type: ignore[misc]


class RewritingCompilerMixin:
    """Search Chinese words as phrases of bigrams (mixed into modelsearch's query compilers)."""

    query: Any  # set by the compiler's __init__

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = cjk.rewrite_query(self.query)
