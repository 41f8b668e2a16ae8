"""Dates of exhibits and milestones, shown as precisely as they are known."""

import datetime

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DATE_PRECISIONS = [("decade", _("decade")), ("year", _("year")), ("month", _("month")), ("day", _("day"))]


def format_date(value: datetime.date | None, precision: str) -> str:
    """One date in the active language: 20世纪80年代 / 1963 / 1963年11月 / 2013年10月9日."""
    if value is None:
        return ""
    if precision == "day":
        return formats.date_format(value, "DATE_FORMAT")
    if precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    if precision == "decade":
        return gettext("the %(decade)ss") % {"decade": value.year - value.year % 10}
    return gettext("%(year)s") % {"year": value.year}


def format_date_range(start: datetime.date | None, end: datetime.date | None, precision: str) -> str:
    """A date or a range of dates ("1978–1983"), at the given precision."""
    first = format_date(start, precision)
    if end is None or end == start:
        return first
    last = format_date(end, precision)
    if last == first:
        return first
    return f"{first}–{last}"


def machine_date(value: datetime.date | None, precision: str) -> str:
    """The value of a <time datetime> attribute: 1963, 1963-11 or 1963-11-20."""
    if value is None:
        return ""
    if precision == "day":
        return value.isoformat()
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "decade":
        return f"{value.year - value.year % 10:04d}"
    return f"{value.year:04d}"
