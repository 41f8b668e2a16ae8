"""What the case library page shows: the search form, results, facet links and pagination.

``CaseLibraryPage.get_context`` calls ``search_page_context``; the search API (``views``) runs the same search.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import CaseSearchForm
from .search import SearchUnavailable, search_cases

if TYPE_CHECKING:
    from .models import CaseLibraryPage

logger = logging.getLogger(__name__)
FILTER_NAMES = ("field", "level", "region", "dispute_type", "year", "keyword")


def search_language(request: HttpRequest) -> str:
    """The language of the cases searched: ?lang= or the request's language."""
    lang = request.GET.get("lang") or translation.get_language() or "zh-hans"
    return "en" if lang.startswith("en") else "zh-hans"


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in params.items() if v not in (None, "", [])}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return urlencode(merged, doseq=True)


def search_page_context(request: HttpRequest, library: CaseLibraryPage) -> dict[str, Any]:
    """Context of the library page: the form, results, facet links, pagination."""
    language = search_language(request)
    form = CaseSearchForm(request.GET)
    context: dict[str, Any] = {"form": form, "search_error": None, "results": None}
    if not form.is_valid():
        context["search_error"] = _("Some search settings were not valid and were reset.")
        form = CaseSearchForm({})
        form.is_valid()
        context["form"] = form
    query = form.to_query(language)
    try:
        results = search_cases(query)
    except SearchUnavailable:
        logger.exception("case search failed")
        context["search_error"] = _("Search is unavailable at the moment. Please try again later.")
        return context
    params = {
        "q": query.q,
        "within": query.within,
        "scope": "" if query.scope == "all" else query.scope,
        "sort": "" if query.sort == "relevance" else query.sort,
        **query.filters,
    }
    facet_groups = []
    labels = {
        "field": _("Field"),
        "level": _("Governance level"),
        "region": _("Region"),
        "dispute_type": _("Dispute type"),
        "year": _("Year"),
        "keyword": _("Keyword"),
    }
    for name in FILTER_NAMES:
        buckets = []
        for bucket in results.facets.get(name, []):
            toggled = None if bucket["selected"] else bucket["value"]
            buckets.append({**bucket, "href": "?" + _query_string(params, **{name: toggled, "page": None})})
        facet_groups.append({"name": name, "label": labels[name], "buckets": buckets})
    active_filters = [
        {
            "name": name,
            "label": labels[name],
            "value": next((b["label"] for b in results.facets.get(name, []) if b["value"] == value), value),
            "remove_href": "?" + _query_string(params, **{name: None, "page": None}),
        }
        for name, value in query.filters.items()
    ]
    current = _query_string({**params, "page": query.page if query.page > 1 else None})
    for hit in results.hits:
        hit.link = hit.url + ("?" + urlencode({"back": "?" + current}) if current else "")
    context.update(
        {
            "results": results,
            "query": query,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "within_terms": [*query.within, query.q] if query.q else list(query.within),
            "previous_href": "?" + _query_string(params, page=query.page - 1) if query.page > 1 else None,
            "next_href": "?" + _query_string(params, page=query.page + 1) if query.page < results.num_pages else None,
            "sort_links": [
                {
                    "value": value,
                    "label": label,
                    "href": "?" + _query_string(params, sort=value if value != "relevance" else None, page=None),
                }
                for value, label in (
                    ("relevance", _("Relevance")),
                    ("newest", _("Newest first")),
                    ("oldest", _("Oldest first")),
                )
            ],
            "clear_href": "?" + _query_string({"q": query.q}) if query.q else "?",
        }
    )
    return context
