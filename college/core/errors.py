"""Error pages: a page in the visitor's language for people, the shared JSON body under /api/.

Wired as ``handler400/403/404/500`` in ``college/urls.py`` and ``CSRF_FAILURE_VIEW``.
"""

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.csrf import csrf_failure as default_csrf_failure

from .jsonapi import error_response, is_api_request, request_language


def _json(request, status, code, message):
    with translation.override(request_language(request)):
        return error_response({"__all__": [message()]}, status=status, code=code)


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
