"""Visit booking's models, one module per area (pretix's ``base/models/<area>.py``):

- ``choices``: statuses (``HOLDING_STATUSES``), group and unit types, provinces, weekdays;
- ``schedule``: halls, the weekly opening rules, closed days;
- ``slots``: slots and the booking window;
- ``guides``: guides and their availability;
- ``visit_requests``: a group's request, its roster and history;
- ``feeds``: staff calendar feed addresses.

Capacity is counted in people.  The places a slot has taken are the sum of the group sizes of
the requests that hold places (``HOLDING_STATUSES``); the rule that keeps that sum within the
slot's capacity lives in ``services/booking.py`` (see docs/visits.md, "Locking").

Every name stays importable from ``college.visits.models`` (the migrations name
``college.visits.models.new_booking_code`` and friends).
"""

from college.core.params import local_today

from .choices import HOLDING_STATUSES, PROVINCES, WEEKDAYS, GroupType, Status, UnitType
from .feeds import CalendarFeedToken, new_feed_token
from .guides import Guide, GuideAvailability
from .schedule import ClosedDay, Hall, LocalisedNameMixin, OpeningRule
from .slots import SHANGHAI, Slot, SlotQuerySet, booking_window, booking_window_days, min_notice_days
from .visit_requests import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_GROUP_SIZE,
    VisitEvent,
    Visitor,
    VisitRequest,
    VisitRequestQuerySet,
    new_booking_code,
)

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "HOLDING_STATUSES",
    "MAX_GROUP_SIZE",
    "PROVINCES",
    "SHANGHAI",
    "WEEKDAYS",
    "CalendarFeedToken",
    "ClosedDay",
    "GroupType",
    "Guide",
    "GuideAvailability",
    "Hall",
    "LocalisedNameMixin",
    "OpeningRule",
    "Slot",
    "SlotQuerySet",
    "Status",
    "UnitType",
    "VisitEvent",
    "VisitRequest",
    "VisitRequestQuerySet",
    "Visitor",
    "booking_window",
    "booking_window_days",
    "local_today",
    "min_notice_days",
    "new_booking_code",
    "new_feed_token",
]
