"""The bigram index that lets PostgreSQL answer Chinese case searches from a GIN index (issue #11.5).

The database search matches every term as a substring (``icontains``); without help PostgreSQL
reads and upper-cases the text of every live case for each term, and again to rank them.  For
a term made only of Han characters (the usual query: 调解, 物业费纠纷) a substring match is the same
as a match of its character bigrams, so each case keeps, in ``CasePage.search_bigrams``, the set of
bigrams of each searched field, each bigram prefixed with a letter naming its field::

    t调解 t解中 … (title)   s… (subtitle)   n… (case number)   k… (keywords)
    p… (key points, as stored)   x… (search text)

On PostgreSQL a stored generated column ``search_vector`` (``array_to_tsvector`` of those words:
exact lexemes, no parser, no stemming) carries a GIN index (migration 0003, PostgreSQL only).

* A two-character Han term occurs in a field exactly when the field's bigram is there, so the
  match *and* the relevance (title 8, case number 8, keywords 4, key points 2, text 1) are
  computed from the vector alone: ``vector @@ 't调解' | 's调解' | …``.
* A longer Han term needs all its bigrams in one field (a GIN lookup), then the substring test
  (``icontains``) on those candidates only, so results stay exactly those of ``icontains``.
* Any other term (Latin letters, digits, case numbers, one Han character) keeps ``icontains``.

SQLite (the embedded default) has the column but neither the vector nor the index, and keeps
the plain ``icontains`` search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Expression, Func
from django.db.models.expressions import Col, RawSQL

from college.core.search.cjk import HAN_RUN

TITLE, SUBTITLE, NUMBER, KEYWORDS, KEY_POINTS, TEXT = "t", "s", "n", "k", "p", "x"
# Fields a term is looked for in, per scope (base.SCOPES); mirrors DatabaseCaseSearch.term_condition.
SCOPE_FIELDS = {
    "all": (TITLE, NUMBER, KEYWORDS, SUBTITLE, TEXT),
    "title": (TITLE,),
    "case_number": (NUMBER,),
    "keywords": (KEYWORDS,),
    "fulltext": (TITLE, KEYWORDS, SUBTITLE, TEXT),
}
# Relevance weights by field (DatabaseCaseSearch.WEIGHTS); the subtitle is matched, not ranked.
WEIGHTS = {TITLE: 8, NUMBER: 8, KEYWORDS: 4, KEY_POINTS: 2, TEXT: 1}
_ONLY_HAN = re.compile(f"^(?:{HAN_RUN.pattern})$")


def field_bigrams(prefix: str, texts: Iterable[str]) -> set[str]:
    """``prefix`` + every pair of neighbouring Han characters in ``texts``."""
    words = set()
    for text in texts:
        for run in HAN_RUN.findall(text or ""):
            words.update(prefix + run[i : i + 2] for i in range(len(run) - 1))
    return words


def search_bigrams(title, subtitle, case_number, keywords, key_points, search_text) -> str:
    """The value of ``CasePage.search_bigrams``: the field-prefixed bigrams, sorted, space-separated."""
    words = set()
    for prefix, texts in (
        (TITLE, [title]),
        (SUBTITLE, [subtitle]),
        (NUMBER, [case_number]),
        (KEYWORDS, list(keywords)),
        (KEY_POINTS, [key_points]),
        (TEXT, [search_text]),
    ):
        words |= field_bigrams(prefix, texts)
    return " ".join(sorted(words))


def indexed(term: str) -> bool:
    """True for a term the bigram index can find: two or more Han characters and nothing else."""
    return len(term) >= 2 and bool(_ONLY_HAN.match(term))


def exact(term: str) -> bool:
    """True when the index alone decides whether a field holds ``term`` (one bigram)."""
    return indexed(term) and len(term) == 2


def available() -> bool:
    """The vector and its index exist only on PostgreSQL (migration 0003)."""
    return connection.vendor == "postgresql"


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def field_query(term: str, field: str) -> str:
    """tsquery text: every bigram of ``term`` in ``field``."""
    bigrams = sorted({term[i : i + 2] for i in range(len(term) - 1)})
    return " & ".join(_lexeme(field + b) for b in bigrams)


def scope_query(term: str, scope: str) -> str:
    """tsquery text: ``term``'s bigrams all in one of the scope's fields."""
    return " | ".join(f"({field_query(term, field)})" for field in SCOPE_FIELDS.get(scope, SCOPE_FIELDS["all"]))


# ---------------------------------------------------------------------------
# The vector in queries (PostgreSQL only)
# ---------------------------------------------------------------------------
def _vector_target():
    from django.db import models

    from ..models import CasePage

    # Not a model field (SQLite has no such column): a stand-in that names the column for Col.
    target = models.TextField()
    target.set_attributes_from_name("search_vector")
    target.model = CasePage
    return target


class SearchVector(Expression):
    """``<CasePage's table alias>.search_vector``; the alias is resolved per query (subqueries too)."""

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), _vector_target())


class Matches(Func):
    """``search_vector @@ '<tsquery>'::tsquery`` as a boolean expression (usable in filter and When)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()

    def __init__(self, tsquery: str):
        super().__init__(SearchVector(), RawSQL("%s::tsquery", [tsquery]))
