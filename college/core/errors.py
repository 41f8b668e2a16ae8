"""Error pages: a page in the visitor's language for people, the shared JSON body under /api/.

Wired as ``handler400/403/404/500`` in ``college/urls.py`` and ``CSRF_FAILURE_VIEW``; the 503 of a
database that cannot be had is answered by ``middleware.DatabaseUnavailableMiddleware``.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.csrf import csrf_failure as default_csrf_failure

from .jsonapi import error_response, is_api_request, request_language

#: Seconds a client is asked to wait before trying again (the ``Retry-After`` header of a 503).
DATABASE_RETRY_AFTER = 5


def _json(request, status, code, message, **kwargs):
    with translation.override(request_language(request)):
        return error_response({"__all__": [message()]}, status=status, code=code, **kwargs)


def bad_request(request, exception=None):
    if is_api_request(request):
        return _json(request, 400, "invalid", lambda: _("The request could not be read."))
    # Django's own bad_request renders without the request, so the site's layout
    # (menus, language switcher) would break.
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    if is_api_request(request):
        return _json(request, 403, "forbidden", lambda: _("You may not do this."))
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if is_api_request(request):
        return _json(request, 404, "not_found", lambda: _("Not found."))
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api_request(request):
        return _json(request, 500, "server_error", lambda: _("Something went wrong on our side. Try again later."))
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    if is_api_request(request):
        return _json(request, 403, "csrf", lambda: _("The page is out of date: reload it and try again."))
    return default_csrf_failure(request, reason=reason)


def _page_language(request: HttpRequest) -> str:
    # The same rule as LocaleMiddleware with prefix_default_language=False: /en/… is English,
    # every other path the default language (the 503 is answered before LocaleMiddleware runs).
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 of a database that cannot be had: JSON under /api/, a page elsewhere.

    The page is rendered without the request, so no context processor (menus, site settings,
    the signed-in user) goes to the database for it.
    """
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER)}
    if is_api_request(request):
        return _json(
            request,
            503,
            "unavailable",
            lambda: _("The site is very busy at the moment. Please try again in a few seconds."),
            headers=headers,
            retry_after=DATABASE_RETRY_AFTER,
        )
    language = _page_language(request)
    with translation.override(language):
        body = loader.render_to_string("503.html", {"retry_after": DATABASE_RETRY_AFTER, "language": language})
    response = HttpResponse(body, status=503, headers=headers)
    add_never_cache_headers(response)
    return response
