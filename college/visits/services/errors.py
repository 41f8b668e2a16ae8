"""The refusals of visit booking's rules: each a ``VisitError`` with a message for people,
the form or API field it belongs to and a stable ``code`` for programs (docs/api.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class VisitError(Exception):
    """A rule of visit booking refused the action; ``str(error)`` says why."""

    field: str | None = None  # the form/API field the error belongs to, if any
    code = "invalid"

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        if field:
            self.field = field


class SlotNotBookable(VisitError):
    field = "slot"
    code = "slot_not_bookable"


class NotEnoughPlaces(VisitError):
    field = "group_size"
    code = "not_enough_places"

    def __init__(self, places_left: int):
        self.places_left = places_left
        if places_left <= 0:
            message = _("This slot is full. Please choose another time.")
        else:
            message = ngettext(
                "Only %(n)d place is left on this slot.", "Only %(n)d places are left on this slot.", places_left
            ) % {"n": places_left}
        super().__init__(message)


class InvalidTransition(VisitError):
    code = "invalid_transition"


class GuideUnavailable(VisitError):
    field = "guide"
    code = "guide_unavailable"


class IdempotencyConflict(VisitError):
    """The same idempotency key came with a different request."""

    code = "idempotency_conflict"
