"""Wagtail's Postgres search backend with Chinese segmentation (see cjk.py)."""

from modelsearch.backends.database.postgres import postgres as base

from .database_mixins import RewritingCompilerMixin, SegmentingIndexerMixin


class ObjectIndexer(SegmentingIndexerMixin, base.ObjectIndexer):
    pass


# modelsearch's Index.add_items builds its indexer from the module-level name
# ``ObjectIndexer`` and offers no hook to choose another class, so the
# segmenting subclass takes that name; it only adds segmentation.
base.ObjectIndexer = ObjectIndexer


class SearchQueryCompiler(RewritingCompilerMixin, base.PostgresSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(RewritingCompilerMixin, base.PostgresAutocompleteQueryCompiler):
    pass


class ChinesePostgresSearchBackend(base.PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
