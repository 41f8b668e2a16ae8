"""Requests refused at the edge, before any view sees them, and the 503 of a database that cannot be had."""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest

from .errors import bad_request, service_unavailable

logger = logging.getLogger(__name__)


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


# ---------------------------------------------------------------------------
# The database cannot be reached: 503 with Retry-After, never a 500 or a reset
# ---------------------------------------------------------------------------
def database_unavailable(exception: BaseException | None) -> bool:
    """True for the errors of a database that cannot be had right now.

    The pool's timeout (every connection busy, or PostgreSQL down or restarting), "too many
    clients", a connection that broke mid-request: Django raises them as ``OperationalError`` or
    ``InterfaceError`` (psycopg's ``PoolTimeout`` is an ``OperationalError`` too).
    """
    return isinstance(exception, (OperationalError, InterfaceError))


def _mark_database_unavailable(sender, request=None, **kwargs):
    # got_request_exception is sent inside Django's ``except`` block, so the exception is at hand.
    if request is not None and database_unavailable(sys.exc_info()[1]):
        request.college_database_unavailable = True


class DatabaseUnavailableMiddleware:
    """503 with ``Retry-After`` when the database cannot be had, in the visitor's language.

    A view or template that cannot get a connection raises into ``process_exception``.  The
    middleware below this one (sessions, the signed-in user) turn their exceptions into a 500
    before it could see them; the ``got_request_exception`` signal marks such a request, and the
    500 is replaced here.  Place it high in MIDDLEWARE, below WhiteNoise (static files need no
    database).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_mark_database_unavailable, dispatch_uid="college-database-unavailable")

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "college_database_unavailable", False):
            return service_unavailable(request)
        return response

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            logger.warning("503 for %s: the database is unavailable (%s)", request.path, exception)
            return service_unavailable(request)
        return None
