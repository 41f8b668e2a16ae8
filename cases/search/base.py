"""The one case-search interface: a query, its results, and the backend contract.

``DatabaseCaseSearch`` (cases/search/database.py) and
``ElasticsearchCaseSearch`` (cases/search/elasticsearch.py) implement it; the
contract suite in tests/cases/test_search_contract.py runs against both.
"""

import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.html import escape

# Anything longer is cut: nobody types more, and it bounds the work per query.
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# from + size stays below Elasticsearch's default max_result_window (10,000).
MAX_PAGE = 500
KEYWORD_FACET_SIZE = 20

SCOPES = ("all", "title", "case_number", "keywords", "fulltext")
SORTS = ("relevance", "newest", "oldest")
FACETS = ("field", "level", "region", "dispute_type", "year", "keyword")

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A term is a run of letters, digits, CJK characters, and inner hyphens or
# dots (case numbers, "12.3").  Everything else (quotes, backslashes, Lucene
# operators, SQL punctuation) only separates terms: no query syntax exists.
_TERM = re.compile(r"\w[\w\-.]*", re.UNICODE)


class SearchUnavailable(Exception):
    """The search engine cannot be reached or refused the request."""


def clean_query(text):
    """The query text as searched: control characters removed, spaces collapsed, length capped."""
    text = _CONTROL.sub(" ", text or "")
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH]


def query_terms(text):
    """The terms of a query: every term must occur (AND), each as a substring."""
    terms = []
    for match in _TERM.findall(clean_query(text)):
        term = match.strip("-._").lower()
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


@dataclass
class CaseQuery:
    q: str = ""
    within: list = field(default_factory=list)  # earlier queries: search within their results
    scope: str = "all"
    filters: dict = field(default_factory=dict)  # facet name -> value (str)
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    language: str = ""

    def __post_init__(self):
        self.q = clean_query(self.q)
        self.within = [clean_query(w) for w in self.within if clean_query(w)][:5]
        self.filters = {k: str(v) for k, v in self.filters.items() if k in FACETS and v not in (None, "")}
        if not self.language:
            self.language = translation.get_language() or "zh-hans"
        if self.language.startswith("zh"):
            self.language = "zh-hans"
        elif self.language.startswith("en"):
            self.language = "en"

    @property
    def terms(self):
        terms = []
        for text in [*self.within, self.q]:
            for term in query_terms(text):
                if term not in terms:
                    terms.append(term)
        return terms[:MAX_TERMS]

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class CaseHit:
    page_id: int
    title: str
    subtitle: str
    url: str
    case_number: str
    highlight: dict  # {"title": safe HTML, "snippet": safe HTML}
    date_released: str = ""
    field: str = ""
    level: str = ""

    def as_json(self):
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "url": self.url,
            "case_number": self.case_number,
            "highlight": self.highlight,
            "date_released": self.date_released,
        }


@dataclass
class CaseResults:
    query: CaseQuery
    count: int
    hits: list
    facets: dict  # name -> [{"value", "label", "count", "selected"}]

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.query.page_size))

    def as_json(self):
        return {
            "count": self.count,
            "page": self.query.page,
            "num_pages": self.num_pages,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [{"value": b["value"], "label": b["label"], "count": b["count"]} for b in buckets]
                for name, buckets in self.facets.items()
            },
        }


class CaseSearchBackend(ABC):
    """What every case-search implementation offers."""

    name = ""

    @abstractmethod
    def search(self, query: CaseQuery) -> CaseResults:
        """Run ``query``: matching live cases of its language, facets, one page of hits."""

    def sync_page(self, page_id):  # noqa: B027 - a no-op where the pages are the index
        """Bring one case in line with the database (index it, or drop it)."""

    def remove(self, page_id):  # noqa: B027
        """Drop one case from the index."""

    def rebuild(self, progress=None):
        """Rebuild the whole index; returns the number of cases indexed."""
        return 0


# ---------------------------------------------------------------------------
# Shared helpers: facet labels and simple highlighting
# ---------------------------------------------------------------------------
def facet_buckets(raw, query):
    """Turn ``{facet: [(value, count), …]}`` into labelled, sorted buckets.

    Counts are over the results of the query with every filter applied, so
    the counts of one facet add up to the number of results (for one-valued
    facets) and picking a value never promises more than it gives.
    """
    from ..models import CaseField, GovernanceLevel
    from .lists import label, labelled_lists

    lists = labelled_lists()
    with translation.override(query.language):
        field_labels = {k: str(v) for k, v in CaseField.choices}
        level_labels = {k: str(v) for k, v in GovernanceLevel.choices}
    region_labels = {code: label(names, query.language) for code, (_pk, names) in lists["region"].items()}
    dispute_labels = {code: label(names, query.language) for code, (_pk, names) in lists["dispute_type"].items()}
    labels = {"field": field_labels, "level": level_labels, "region": region_labels, "dispute_type": dispute_labels}
    orders = {"field": list(field_labels), "level": list(level_labels)}
    facets = {}
    for name in FACETS:
        buckets = []
        for value, count in raw.get(name, []):
            if value in (None, "") or not count:
                continue
            value = str(value)
            label = labels.get(name, {}).get(value, value)
            buckets.append(
                {"value": value, "label": label, "count": int(count), "selected": query.filters.get(name) == value}
            )
        if name in orders:
            order = orders[name]
            buckets.sort(key=lambda b: order.index(b["value"]) if b["value"] in order else len(order))
        elif name == "year":
            buckets.sort(key=lambda b: b["value"], reverse=True)
        else:
            buckets.sort(key=lambda b: (-b["count"], b["label"]))
        if name == "keyword":
            buckets = buckets[:KEYWORD_FACET_SIZE]
        facets[name] = buckets
    return facets


def mark_terms(text, terms):
    """HTML-escape ``text`` and wrap each case-insensitive occurrence of a term in <mark>."""
    text = text or ""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet_around(text, terms, length=110):
    """A piece of ``text`` around the first term found (or its start), marked up."""
    text = " ".join((text or "").split())
    start = 0
    lowered = text.lower()
    positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
    if positions:
        start = max(0, min(positions) - length // 3)
    piece = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return prefix + mark_terms(piece, terms) + suffix
