"""Requests refused at the edge, before any view sees them."""

from django.http import HttpRequest

from .errors import bad_request


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return True
    return False


class RejectMalformedRequestMiddleware:
    """400 for a NUL character in the path or the query string.

    No page or API has a use for NUL, PostgreSQL cannot store or compare it (a query with one
    ends in a 500), and a check per view would be forgotten in the next one.  Form fields are
    covered by Django's own ``ProhibitNullCharactersValidator``, JSON bodies by
    ``jsonapi.read_json_object``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return bad_request(request)
        return self.get_response(request)
