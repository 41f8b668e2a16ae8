"""Asking for a visit: the booking window, and taking a slot's places under its lock.

This is the rule of docs/visits.md, "Locking": validate first, then one transaction, one lock
(the slot row) taken as late as possible, re-check the places under it, write, commit.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Slot, Status, VisitEvent, Visitor, VisitRequest, booking_window, local_today
from .errors import IdempotencyConflict, NotEnoughPlaces, SlotNotBookable, VisitError
from .notifications import email_leader, tell_reception
from .state import record_event


@dataclass
class VisitDetails:
    """What a group tells us when it asks for a visit (already validated by the form)."""

    organisation: str
    group_type: str
    leader_name: str
    phone: str
    email: str
    group_size: int
    roster: list[str]
    purpose: str = ""
    unit_type: str = ""
    province: str = ""
    needs_guided_tour: bool = True
    needs_briefing: bool = False
    needs_meeting_room: bool = False
    vehicles: int = 0
    language: str = "zh-hans"

    def fingerprint(self, slot_id: int | str) -> str:
        """A hash of the request (without its language) that tells a true retry from another request."""
        payload = {k: v for k, v in self.__dict__.items() if k != "language"}
        payload["slot"] = int(slot_id)
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def check_bookable(slot: Slot, today: datetime.date | None = None) -> None:
    """Raise ``SlotNotBookable`` unless the public may book ``slot`` today."""
    today = today or local_today()
    first, last = booking_window(today)
    if not slot.is_open or not slot.hall.is_active:
        raise SlotNotBookable(_("This slot is not open for booking."))
    if slot.date < today:
        raise SlotNotBookable(_("This slot is in the past."))
    if slot.date < first:
        notice = (first - today).days
        raise SlotNotBookable(
            ngettext(
                "Visits must be requested at least %(n)d day ahead.",
                "Visits must be requested at least %(n)d days ahead.",
                notice,
            )
            % {"n": notice}
        )
    if slot.date > last:
        raise SlotNotBookable(_("This slot is beyond the booking window (%(date)s).") % {"date": last.isoformat()})
    if slot.is_closed_day():
        raise SlotNotBookable(_("The college is closed on this day."))


def _existing_for_key(key: str, fingerprint: str) -> VisitRequest | None:
    existing = VisitRequest.objects.filter(idempotency_key=key).first()
    if existing is not None and fingerprint and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict(_("This Idempotency-Key was already used for a different request."))
    return existing


def request_visit(
    slot_id: int | str,
    details: VisitDetails,
    *,
    idempotency_key: str | None = None,
    check_fingerprint: bool = True,
    today: datetime.date | None = None,
) -> tuple[VisitRequest, bool]:
    """Ask for a visit on a slot; return ``(visit, created)``.

    The request holds its places at once (status pending).  With an
    ``idempotency_key`` a repeated call returns the first request instead of
    booking again.  Raises ``SlotNotBookable``, ``NotEnoughPlaces``,
    ``IdempotencyConflict`` or ``VisitError``.
    """
    if details.group_size < 1:
        raise VisitError(_("The group must have at least one person."), field="group_size")
    if len(details.roster) != details.group_size:
        raise VisitError(_("The roster must list exactly one name per person in the group."), field="roster")
    fingerprint = details.fingerprint(slot_id) if idempotency_key and check_fingerprint else ""
    if idempotency_key:
        existing = _existing_for_key(idempotency_key, fingerprint)
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            # The one lock of this transaction: every booking of this slot
            # waits here, so the sum below cannot change until we commit.
            try:
                slot = Slot.objects.select_for_update().select_related("hall").get(pk=slot_id)
            except (Slot.DoesNotExist, ValueError, TypeError):
                raise SlotNotBookable(_("Choose a slot from the list.")) from None
            check_bookable(slot, today)
            places_left = slot.capacity - slot.count_places_taken()
            if details.group_size > places_left:
                raise NotEnoughPlaces(places_left)
            visit = VisitRequest.objects.create(
                slot=slot,
                status=Status.PENDING,
                idempotency_key=idempotency_key or None,
                idempotency_fingerprint=fingerprint,
                **{k: v for k, v in details.__dict__.items() if k != "roster"},
            )
            Visitor.objects.bulk_create(
                [Visitor(request=visit, name=name, position=i) for i, name in enumerate(details.roster)]
            )
            record_event(visit, VisitEvent.Action.REQUESTED, to_status=Status.PENDING)
            email_leader(visit, "received")
            tell_reception(visit)
    except IntegrityError:
        # Two submissions with one key raced past the first look-up; the
        # unique constraint let one in.  Return that one.
        if idempotency_key:
            existing = _existing_for_key(idempotency_key, fingerprint)
            if existing is not None:
                return existing, False
        raise
    return visit, True
