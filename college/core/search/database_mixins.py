"""Mixins that put the database backends' text and queries through cjk.py."""

from . import cjk


class SegmentingIndexerMixin:
    """Index Han runs as character bigrams."""

    def prepare_value(self, value):
        return cjk.segment(super().prepare_value(value))


class RewritingCompilerMixin:
    """Search Chinese words as phrases of bigrams."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = cjk.rewrite_query(self.query)
