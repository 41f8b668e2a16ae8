"""The case search API; the search page's context is in ``pages`` (both run the same search)."""

import logging

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .forms import CaseSearchForm
from .pages import search_language as _language
from .search import SearchUnavailable, search_cases

logger = logging.getLogger(__name__)


@require_GET
def search_api(request):
    """GET /api/cases/search/?q=&field=&level=&region=&dispute_type=&year=&keyword=&sort=&page="""
    language = _language(request)
    with translation.override(language):
        form = CaseSearchForm(request.GET)
        if not form.is_valid():
            return JsonResponse({"errors": _plain_errors(form)}, status=400)
        try:
            results = search_cases(form.to_query(language))
        except SearchUnavailable:
            logger.exception("case search failed")
            return JsonResponse(
                {"errors": {"__all__": [_("Search is unavailable at the moment. Please try again later.")]}}, status=503
            )
        return JsonResponse(results.as_json(), json_dumps_params={"ensure_ascii": False})


def _plain_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}
