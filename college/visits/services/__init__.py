"""The rules of visit booking, as plain functions, one module per rule (pretix's
``base/services/<rule>.py``):

- ``booking``: the booking window (``check_bookable``) and ``request_visit``, which takes places;
- ``decisions``: ``approve``, ``decline``, ``cancel``;
- ``rescheduling``: ``reschedule``, which moves places to another slot;
- ``guides``: ``assign_guide``;
- ``arrival``: ``check_in``, ``mark_no_show``;
- ``opening``: ``generate_slots`` from the weekly schedule;
- ``state``: compare-and-set status changes, history, ``add_note``;
- ``notifications``: the emails enqueued after commit;
- ``errors``: ``VisitError`` and its kinds.

Every function runs in one transaction and raises a ``VisitError`` subclass
with a message for people.  Places are a scarce resource, so the functions
that take them follow the locking rule of docs/visits.md: lock the slot row,
re-check the places taken, then write — one lock per transaction, taken as
late as possible.  Status changes that take no places use a compare-and-set
update (``UPDATE … WHERE status = <expected>``) instead of a lock.

Every public name stays importable from ``college.visits.services``.
"""

from .arrival import check_in, mark_no_show
from .booking import VisitDetails, check_bookable, request_visit
from .decisions import approve, cancel, decline
from .errors import (
    GuideUnavailable,
    IdempotencyConflict,
    InvalidTransition,
    NotEnoughPlaces,
    SlotNotBookable,
    VisitError,
)
from .guides import assign_guide, guide_conflict, overlaps
from .opening import generate_slots
from .rescheduling import reschedule
from .state import add_note, record_event, transition

__all__ = [
    "GuideUnavailable",
    "IdempotencyConflict",
    "InvalidTransition",
    "NotEnoughPlaces",
    "SlotNotBookable",
    "VisitDetails",
    "VisitError",
    "add_note",
    "approve",
    "assign_guide",
    "cancel",
    "check_bookable",
    "check_in",
    "decline",
    "generate_slots",
    "guide_conflict",
    "mark_no_show",
    "overlaps",
    "record_event",
    "request_visit",
    "reschedule",
    "transition",
]
