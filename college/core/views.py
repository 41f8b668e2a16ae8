from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from .errors import DATABASE_RETRY_AFTER
from .health import run_checks

MAX_QUERY_LENGTH = 100


@never_cache
def healthz(request):
    """200 when the database, cache, broker, worker and search answer; else 503."""
    ok, checks = run_checks()
    response = JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)
    if not checks["database"]["ok"]:
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def search(request):
    """Site search over live pages of the visitor's language."""
    query = (request.GET.get("q") or "").strip()
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Your search is too long: use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
        query = ""
    results_page = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
        paginator = Paginator(results, 10)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return render(request, "core/search.html", {"query": query, "results": results_page, "error": error})
