"""The case search API; the search page's context is in ``pages`` (both run the same search)."""

import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _

from college.core.jsonapi import ApiError, form_errors, json_api

from .forms import CaseSearchForm
from .search import SearchUnavailable, search_cases

logger = logging.getLogger(__name__)


@json_api(methods=["GET"])
def search_api(request):
    """GET /api/cases/search/?q=&field=&level=&region=&dispute_type=&year=&keyword=&sort=&page=

    Cases and messages in the request's language (``lang=``, ``X-Language``, cookie or
    Accept-Language); errors in the site's one body (docs/api.md), 503 ``unavailable`` when the
    search engine is down.
    """
    language = request.LANGUAGE_CODE
    form = CaseSearchForm(request.GET)
    if not form.is_valid():
        raise ApiError(errors=form_errors(form))
    try:
        results = search_cases(form.to_query(language))
    except SearchUnavailable:
        logger.exception("case search failed")
        raise ApiError(
            _("Search is unavailable at the moment. Please try again later."), status=503, code="unavailable"
        ) from None
    return JsonResponse(results.as_json(), json_dumps_params={"ensure_ascii": False})
