"""A fixed-window request counter in the Django cache (Redis in production and tests)."""

import time

from django.conf import settings
from django.core.cache import cache


def verify_rate():
    """(requests, seconds) allowed per client address on the verification endpoints."""
    value = getattr(settings, "COLLEGE_CERTIFICATES_VERIFY_RATE", "30/60")
    count, _, seconds = str(value).partition("/")
    return int(count), int(seconds or 60)


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, scope="verify"):
    """Count one request; True while the client is within its allowance."""
    limit, window = verify_rate()
    bucket = int(time.time() // window)
    key = f"certificates:rl:{scope}:{client_address(request)}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit


def retry_after():
    limit, window = verify_rate()
    return window - int(time.time()) % window
