"""The edge of every JSON API of the site: one error format, one language rule, safe bodies.

Every API answers an error with the same body (docs/api.md)::

    {"code": "invalid", "errors": {"<field>" | "__all__": ["<message>", ...]}}

``code`` is a stable machine-readable word (``invalid``, ``not_found``, ``method``, ``auth``,
``csrf``, ``too_large``, ``rate_limited``, ``conflict`` or an error of the domain such as
``not_enough_places``); messages are in the request's language.  An error may carry extra
top-level members (``places_left`` on 409, ``retry_after`` on 429).

The APIs live outside the language prefix, where ``LocaleMiddleware`` always picks the default
language; ``api_language`` picks the language the client asks for instead.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
#: A JSON body nested deeper than this is refused before it is parsed: Python's parser
#: recurses, and a body of ``[[[[…`` ends in RecursionError (a 500) long before the size limit.
MAX_DEPTH = 16
DEFAULT_MAX_BYTES = 64 * 1024


def supported_language(code: str | None) -> str | None:
    """The site language a language tag names (``en-GB`` → ``en``, ``zh-CN`` → ``zh-hans``), or None."""
    code = (code or "").strip().lower()
    if not code:
        return None
    for language, _name in settings.LANGUAGES:
        if code == language or code.split("-")[0] == language.split("-")[0]:
            return language
    return None


def request_language(request: HttpRequest) -> str:
    """The language of an API request.

    In order: the ``X-Language`` header (sent by the site's own scripts with the page's language),
    the ``lang`` query parameter, then the language cookie or ``Accept-Language``.
    """
    for candidate in (request.headers.get("X-Language"), request.GET.get("lang")):
        language = supported_language(candidate)
        if language:
            return language
    language = translation.get_language_from_request(request, check_path=False)
    return supported_language(language) or settings.LANGUAGE_CODE


def api_language(view: Callable) -> Callable:
    """Run the view (and everything it sends, e.g. emails) in the request's language."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return view(request, *args, **kwargs)

    return wrapper


class ApiError(Exception):
    """Raised anywhere below an API view to answer with the shared error body.

    ``ApiError(_("…"), field="slot")`` names one field; ``ApiError(errors={...})`` several.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        field: str = "__all__",
        errors: dict[str, list[str]] | None = None,
        status: int = 400,
        code: str = "invalid",
        headers: dict[str, str] | None = None,
        **extra: Any,
    ):
        self.errors = errors if errors is not None else {field: [str(message)]}
        self.status = status
        self.code = code
        self.headers = headers or {}
        self.extra = extra
        super().__init__(message or code)

    def response(self) -> JsonResponse:
        return error_response(self.errors, status=self.status, code=self.code, headers=self.headers, **self.extra)


def error_response(
    errors: Mapping[str, Iterable[Any]],
    *,
    status: int = 400,
    code: str = "invalid",
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JsonResponse:
    """The shared error body: ``{"code", "errors": {field: [messages]}, **extra}``."""
    body = {"code": code, "errors": {field: [str(m) for m in messages] for field, messages in errors.items()}}
    body.update(extra)
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def form_errors(form) -> dict[str, list[str]]:
    """A Django form's errors as the ``errors`` member of the shared body."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def not_found(message: str | None = None, field: str = "__all__") -> JsonResponse:
    return error_response({field: [message or _("Not found.")]}, status=404, code="not_found")


def method_not_allowed(allowed: Iterable[str]) -> JsonResponse:
    allowed = list(allowed)
    return error_response(
        {"__all__": [_("Use %(methods)s.") % {"methods": ", ".join(allowed)}]},
        status=405,
        code="method",
        headers={"Allow": ", ".join(allowed)},
    )


def too_many_requests(retry_after: int, message: str | None = None) -> JsonResponse:
    return error_response(
        {"__all__": [message or _("Too many requests. Try again in a moment.")]},
        status=429,
        code="rate_limited",
        headers={"Retry-After": str(retry_after)},
        retry_after=retry_after,
    )


# ---------------------------------------------------------------------------
# Reading a JSON body
# ---------------------------------------------------------------------------
def _nesting_depth_exceeds(text: str, limit: int) -> bool:
    """True when arrays/objects in ``text`` nest deeper than ``limit`` (strings are skipped)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    return False


def read_json_object(request: HttpRequest, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = MAX_DEPTH) -> dict:
    """The request body as a JSON object, or ApiError with a message in the request's language.

    Refused: bodies over ``max_bytes`` (413), anything but UTF-8 JSON, nesting deeper than
    ``max_depth``, ``NaN``/``Infinity``, NUL characters (PostgreSQL cannot store them), and any
    top-level value but an object.
    """
    length = request.headers.get("Content-Length") or "0"
    if (length.isdigit() and int(length) > max_bytes) or len(request.body) > max_bytes:
        raise ApiError(_("The request is too large."), status=413, code="too_large")
    unreadable = ApiError(_("Send a JSON object."))
    try:
        text = request.body.decode("utf-8") if request.body else "{}"
    except UnicodeDecodeError:
        raise unreadable from None
    if _nesting_depth_exceeds(text, max_depth):
        raise ApiError(_("The request nests too deeply."))
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise unreadable from None
    if not isinstance(data, dict):
        raise unreadable
    if _has_nul(data):
        raise ApiError(_("Text must not contain NUL characters."))
    return data


# ---------------------------------------------------------------------------
# The decorator every JSON view wears
# ---------------------------------------------------------------------------
def _csrf_rejection(request: HttpRequest) -> HttpResponse | None:
    """Django's CSRF check, run inside the view so that its refusal is JSON too."""
    check = CsrfViewMiddleware(HttpResponse)
    check.process_request(request)
    # The callback is only read for a csrf_exempt mark; the view itself is not exempt.
    return check.process_view(request, HttpResponse, (), {})


def json_api(methods: Iterable[str] = ("GET",), *, csrf: bool = True) -> Callable:
    """Wrap a JSON view: request language, method check (JSON 405), CSRF (JSON 403), ApiError.

    ``csrf=False`` for endpoints that machines call without a session (the mini-program);
    with ``csrf=True`` unsafe methods need Django's CSRF token as the site's pages send it.
    """
    allowed = [method.upper() for method in methods]
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.append("HEAD")

    def decorator(view: Callable) -> Callable:
        @csrf_exempt
        @functools.wraps(view)
        @api_language
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                return method_not_allowed(allowed)
            if csrf and request.method not in SAFE_METHODS:
                rejected = _csrf_rejection(request)
                if rejected is not None:
                    return error_response(
                        {"__all__": [_("The page is out of date: reload it and try again.")]},
                        status=403,
                        code="csrf",
                    )
            try:
                return view(request, *args, **kwargs)
            except ApiError as error:
                return error.response()

        return wrapper

    return decorator


def is_api_request(request: HttpRequest) -> bool:
    """True for the machine endpoints under /api/ (whose errors must be JSON, not pages)."""
    return request.path_info.startswith("/api/")
