"""Full-page cache for anonymous visitors, HTTP caching headers and compression (issue 11).

``PageCacheMiddleware`` keeps the HTML of a Wagtail page (and the JSON of the Wagtail API,
``/api/v2/``) as rendered for an anonymous visitor, keyed by scheme, host, full URL and language,
for ``PAGE_CACHE_SECONDS``.  The next anonymous visitor gets those bytes without a view, a
template or a query.  Nothing is ever cached or served from the cache when it could belong to one
person:

- a request with a session cookie, the messages cookie or an ``Authorization`` header is never
  answered from the cache and never stored (signed-in people, and anonymous visitors with state);
- a response is stored only when the user is anonymous, the view is Wagtail's page view or the
  Wagtail API, it is a 200 to a GET that sets no cookie, used no CSRF token (a form's token is
  per visitor: the login page and the visit booking form are never shared), wrote nothing to the
  session, queued no message, is not a preview and says nothing like ``private``/``no-store``;
- a page type can opt out with ``page_cache = False``.

Every stored entry carries the cache *generation*; publishing, unpublishing, moving, saving or
deleting a page, and saving the site, locales, settings, images, documents or snippets increments it
(at once and again after the transaction commits), so no page rendered before a change is served
after it.  A proxy in front (Varnish, a CDN) is purged the same way by Wagtail's
``wagtail.contrib.frontend_cache`` (docs/deployment.md).

``CompressionMiddleware`` gzips HTML, JSON, text, JavaScript and XML: Django's GZipMiddleware,
which since 4.2 adds up to 100 random bytes to the gzip header of every response ("Heal the
BREACH"), so a CSRF token on a compressed page cannot be guessed from response lengths; streamed
files (PDFs, documents, exports) are left as they are.  ``ConditionalGetMiddleware`` sits below it
(it must see the uncompressed body to give a stable ETag) and answers 304 to a matching
``If-None-Match``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.text import compress_string
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
KEY_PREFIX = "pagecache:page:"
# Headers never replayed from the cache (they belong to the original exchange).
_SKIPPED_HEADERS = {"set-cookie", "content-length", "x-page-cache"}
# A response that varies on anything else is not stored: the key would not capture it.
# (Accept: the Wagtail API has one renderer, JSON, whatever the Accept header says.)
_KNOWN_VARY = {"cookie", "accept-language", "accept-encoding", "accept"}
_COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
# Django's cookie storage of django.contrib.messages.
MESSAGES_COOKIE = "messages"


def page_cache() -> BaseCache:
    """The cache that holds pages: ``pages`` when configured (embedded file cache), else ``default``."""
    return caches["pages" if "pages" in settings.CACHES else "default"]


def cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


# --------------------------------------------------------------------------
# Purging
# --------------------------------------------------------------------------
def _fresh_generation() -> int:
    # Random, not 0: should the cache ever evict the counter, entries of the old count never match.
    return secrets.randbits(48)


def current_generation(cache: BaseCache, found: Any = None) -> int:
    if found is None:
        found = cache.get(GENERATION_KEY)
    if found is None:
        cache.add(GENERATION_KEY, _fresh_generation(), None)
        found = cache.get(GENERATION_KEY)
    return int(found)


def _bump() -> None:
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): a new random one
        cache.set(GENERATION_KEY, _fresh_generation(), None)
    except Exception:  # a cache outage must not stop a publish; entries expire on their own
        logger.exception("page cache: could not purge")


def purge() -> None:
    """Make every cached page stale: now, and again once the current transaction commits.

    The second bump covers a request that rendered the old content between the first bump and
    the commit and stored it under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)


@functools.cache
def _purging_types() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(instance types, sender types) whose saves and deletes purge; resolved once, after ready().

    Every post_save of the site (a heartbeat's study-time row too) asks, so the model lookups
    are not repeated per save.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    senders = (Site, Locale, PageViewRestriction, get_image_model(), get_document_model())
    return (Page, BaseGenericSetting, BaseSiteSetting), senders + tuple(get_snippet_models())


def _purging_model(sender: type, instance: Any) -> bool:
    instance_types, sender_types = _purging_types()
    return isinstance(instance, instance_types) or issubclass(sender, sender_types)


def _on_model_change(sender, instance, **kwargs) -> None:
    if _purging_model(sender, instance):
        purge()


def _on_page_event(sender, **kwargs) -> None:
    purge()


def connect_signals() -> None:
    """Called from ``CoreConfig.ready``."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="page_cache_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_delete")
    page_published.connect(_on_page_event, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="page_cache_moved")


# --------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------
def request_may_use_cache(request: HttpRequest) -> bool:
    """A request that is surely anonymous and stateless (decided from the request alone)."""
    if cache_seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _served_view_is_cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    if "wagtailapi" in match.namespaces:
        return True
    if match.url_name != "wagtail_serve" or getattr(request, "is_preview", False):
        return False
    page = (getattr(response, "context_data", None) or {}).get("page")
    return page is None or getattr(page, "page_cache", True)


def _cache_control_forbids(response: HttpResponseBase) -> bool:
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return bool(directives & {"private", "no-store", "no-cache"})


def response_may_be_stored(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.has_header("Content-Encoding"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and getattr(storage, "_queued_messages", None):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - _KNOWN_VARY or _cache_control_forbids(response):
        return False
    return _served_view_is_cacheable(request, response)


def cache_key(request: HttpRequest) -> str:
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{get_language()}|{url}".encode()).hexdigest()
    return KEY_PREFIX + digest


def _accepts_gzip(request: HttpRequest) -> bool:
    # Django's GZipMiddleware's own test, so a cached page is gzipped exactly when a fresh one is.
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _compressible(response: HttpResponseBase) -> bool:
    return response.get("Content-Type", "").lower().startswith(_COMPRESSIBLE)


# --------------------------------------------------------------------------
# Middleware
# --------------------------------------------------------------------------
class PageCacheMiddleware:
    """Between LocaleMiddleware (the language is known) and CommonMiddleware (settings/base.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        generation = key = None
        if request_may_use_cache(request):
            key = cache_key(request)
            generation, hit = self._lookup(request, key)
            if hit is not None:
                return hit
        response = self.get_response(request)
        if key is not None and generation is not None and response_may_be_stored(request, response):
            # Stored under the generation read *before* rendering: a page published meanwhile
            # has moved the counter on, so this copy is never served.
            self._store(key, response, generation)
            response["X-Page-Cache"] = "miss"
        elif response.status_code == 200 and not response.has_header("Cache-Control"):
            # Signed-in or otherwise personal: the browser may keep it but must ask again,
            # and no shared cache may keep it.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _lookup(self, request: HttpRequest, key: str) -> tuple[int | None, HttpResponse | None]:
        """The current generation and the cached response, if any."""
        try:
            cache = page_cache()
            found = cache.get_many([GENERATION_KEY, key])
            generation = current_generation(cache, found.get(GENERATION_KEY))
        except Exception:
            logger.exception("page cache: lookup failed")
            return None, None
        entry = found.get(key)
        if entry is None or entry["generation"] != generation:
            return generation, None
        gzipped = entry["gzip"] is not None and _accepts_gzip(request)
        response = HttpResponse(entry["gzip"] if gzipped else entry["content"], status=200)
        for name, value in entry["headers"]:
            response[name] = value
        if gzipped:
            response["Content-Encoding"] = "gzip"
            response["ETag"] = "W/" + entry["etag"]
        response["X-Page-Cache"] = "hit"
        return generation, response

    def _store(self, key: str, response: HttpResponseBase, generation: int) -> None:
        assert isinstance(response, HttpResponse)
        seconds = cache_seconds()
        patch_cache_control(response, public=True, max_age=int(getattr(settings, "PAGE_CACHE_MAX_AGE", 60)))
        set_response_etag(response)
        gzipped = None
        if _compressible(response) and len(response.content) >= 200:
            patch_vary_headers(response, ("Accept-Encoding",))
            # No secret is on a page that may be stored, so one compression serves every visitor.
            gzipped = compress_string(response.content)
        entry = {
            "generation": generation,
            "content": response.content,
            "gzip": gzipped,
            "etag": response["ETag"],
            "headers": [(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS],
        }
        try:
            page_cache().set(key, entry, seconds)
        except Exception:
            logger.exception("page cache: store failed")


class CompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (random bytes against BREACH) for text responses only, never streams."""

    def process_response(self, request, response):
        if response.streaming or not _compressible(response):
            return response
        return super().process_response(request, response)
