"""Reading numbers and dates from query strings and forms without surprises at the edges.

Every staff screen and API that takes ``?year=`` or ``?date=`` reads it here, so a value out
of range (``9999-12-31``, ``0001-01-01``, ``year=99999``) falls back or is refused the same
way everywhere instead of overflowing in date arithmetic further down.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

#: Years the college's records can meaningfully hold; dates outside are refused.
FIRST_YEAR = 1963  # the Fengqiao Experience begins; nothing the site records is older
LAST_YEAR = 2100


def local_today() -> datetime.date:
    """Today in the college's time zone (Asia/Shanghai)."""
    return timezone.localdate()


def year_param(value: str | None, default: int | None = None, first: int = 2000, last: int = LAST_YEAR) -> int:
    """A year between ``first`` and ``last`` from text, else ``default`` (this year)."""
    fallback = default if default is not None else local_today().year
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return fallback
    return year if first <= year <= last else fallback


def parse_date(value: str | None) -> datetime.date | None:
    """An ISO date (YYYY-MM-DD) between FIRST_YEAR and LAST_YEAR, else None."""
    try:
        day = datetime.date.fromisoformat(str(value).strip())
    except (TypeError, ValueError):
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def date_param(value: str | None, default: datetime.date | None = None) -> datetime.date:
    """An ISO date from text within the supported years, else ``default`` (today)."""
    return parse_date(value) or default or local_today()


def int_param(value: str | None, default: int, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number from text within the bounds given, else ``default``."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number
