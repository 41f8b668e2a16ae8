"""The rules of visit booking, as plain functions.

Every function runs in one transaction and raises a ``VisitError`` subclass
with a message for people.  Places are a scarce resource, so the functions
that take them follow the locking rule of docs/visits.md: lock the slot row,
re-check the places taken, then write — one lock per transaction, taken as
late as possible.  Status changes that take no places use a compare-and-set
update (``UPDATE … WHERE status = <expected>``) instead of a lock.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    HOLDING_STATUSES,
    ClosedDay,
    Guide,
    OpeningRule,
    Slot,
    Status,
    VisitEvent,
    Visitor,
    VisitRequest,
    booking_window,
    local_today,
)


class VisitError(Exception):
    """A rule of visit booking refused the action; ``str(error)`` says why."""

    field = None  # the form/API field the error belongs to, if any

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        if field:
            self.field = field


class SlotNotBookable(VisitError):
    field = "slot"


class NotEnoughPlaces(VisitError):
    field = "group_size"

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
    pass


class GuideUnavailable(VisitError):
    field = "guide"


class IdempotencyConflict(VisitError):
    """The same idempotency key came with a different request."""


@dataclass
class VisitDetails:
    """What a group tells us when it asks for a visit (already validated by the form)."""

    organisation: str
    group_type: str
    leader_name: str
    phone: str
    email: str
    group_size: int
    roster: list
    purpose: str = ""
    unit_type: str = ""
    province: str = ""
    needs_guided_tour: bool = True
    needs_briefing: bool = False
    needs_meeting_room: bool = False
    vehicles: int = 0
    language: str = "zh-hans"

    def fingerprint(self, slot_id) -> str:
        payload = {k: v for k, v in self.__dict__.items() if k != "language"}
        payload["slot"] = int(slot_id)
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _record(visit, action, by=None, text="", from_status="", to_status=""):
    return VisitEvent.objects.create(
        request=visit, action=action, by=by, text=text, from_status=from_status, to_status=to_status
    )


def check_bookable(slot: Slot, today=None) -> None:
    """Raise ``SlotNotBookable`` unless the public may book ``slot`` today."""
    first, last = booking_window(today)
    if not slot.is_open or not slot.hall.is_active:
        raise SlotNotBookable(_("This slot is not open for booking."))
    if slot.date < (today or local_today()):
        raise SlotNotBookable(_("This slot is in the past."))
    if slot.date < first:
        raise SlotNotBookable(
            ngettext(
                "Visits must be requested at least %(n)d day ahead.",
                "Visits must be requested at least %(n)d days ahead.",
                (first - (today or local_today())).days,
            )
            % {"n": (first - (today or local_today())).days}
        )
    if slot.date > last:
        raise SlotNotBookable(_("This slot is beyond the booking window (%(date)s).") % {"date": last.isoformat()})
    if slot.is_closed_day():
        raise SlotNotBookable(_("The college is closed on this day."))


def _existing_for_key(key, fingerprint):
    existing = VisitRequest.objects.filter(idempotency_key=key).first()
    if existing is not None and fingerprint and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict(_("This Idempotency-Key was already used for a different request."))
    return existing


def request_visit(slot_id, details: VisitDetails, *, idempotency_key=None, check_fingerprint=True, today=None):
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
            _record(visit, VisitEvent.Action.REQUESTED, to_status=Status.PENDING)
            from . import tasks

            tasks.send_visit_email.delay_on_commit(visit.pk, "received")
            tasks.notify_staff_of_request.delay_on_commit(visit.pk)
    except IntegrityError:
        # Two submissions with one key raced past the first look-up; the
        # unique constraint let one in.  Return that one.
        if idempotency_key:
            existing = _existing_for_key(idempotency_key, fingerprint)
            if existing is not None:
                return existing, False
        raise
    return visit, True


def _transition(visit, allowed_from, to_status, action, by=None, text="", **fields):
    """Move ``visit`` to ``to_status`` if it is still in one of ``allowed_from`` (compare and set)."""
    with transaction.atomic():
        changed = VisitRequest.objects.filter(pk=visit.pk, status__in=allowed_from).update(
            status=to_status, updated_at=timezone.now(), **fields
        )
        if not changed:
            visit.refresh_from_db()
            raise InvalidTransition(
                _("This request is %(status)s and cannot be changed that way.") % {"status": visit.get_status_display()}
            )
        from_status = visit.status
        visit.refresh_from_db()
        _record(visit, action, by=by, text=text, from_status=from_status, to_status=to_status)
    return visit


def approve(visit: VisitRequest, by=None) -> VisitRequest:
    """Approve a pending request; the leader gets the confirmation with the .ics file and QR code."""
    visit = _transition(visit, [Status.PENDING], Status.APPROVED, VisitEvent.Action.APPROVED, by=by)
    from . import tasks

    tasks.send_visit_email.delay_on_commit(visit.pk, "approved")
    return visit


def decline(visit: VisitRequest, reason: str, by=None) -> VisitRequest:
    """Decline a pending (or approved) request with a reason; its places are freed."""
    reason = (reason or "").strip()
    if not reason:
        raise VisitError(_("Give a reason for declining."), field="reason")
    visit = _transition(
        visit,
        [Status.PENDING, Status.APPROVED],
        Status.DECLINED,
        VisitEvent.Action.DECLINED,
        by=by,
        text=reason,
        decline_reason=reason,
    )
    from . import tasks

    tasks.send_visit_email.delay_on_commit(visit.pk, "declined")
    return visit


def cancel(visit: VisitRequest, by=None, reason="") -> VisitRequest:
    """Cancel a pending or approved request; its places are freed."""
    visit = _transition(
        visit, [Status.PENDING, Status.APPROVED], Status.CANCELLED, VisitEvent.Action.CANCELLED, by=by, text=reason
    )
    from . import tasks

    tasks.send_visit_email.delay_on_commit(visit.pk, "cancelled")
    return visit


def reschedule(visit: VisitRequest, new_slot_id, by=None, *, enforce_window=False) -> VisitRequest:
    """Move a pending or approved request to another slot, with its places, in one transaction.

    Staff may move a group to any open future slot (``enforce_window`` applies
    the public booking window too).  The guide is kept only if free then.
    """
    with transaction.atomic():
        try:
            new_slot = Slot.objects.select_for_update().select_related("hall").get(pk=new_slot_id)
        except (Slot.DoesNotExist, ValueError, TypeError):
            raise SlotNotBookable(_("Choose a slot from the list.")) from None
        if new_slot.pk == visit.slot_id:
            raise SlotNotBookable(_("The request is already on this slot."))
        if enforce_window:
            check_bookable(new_slot)
        elif not new_slot.is_open or new_slot.date < local_today() or new_slot.is_closed_day():
            raise SlotNotBookable(_("This slot is not open for booking."))
        visit.refresh_from_db()
        places_left = new_slot.capacity - new_slot.count_places_taken()
        if visit.group_size > places_left:
            raise NotEnoughPlaces(places_left)
        old_slot = visit.slot
        keep_guide = visit.guide_id and _guide_conflict(visit.guide, new_slot, exclude=visit.pk) is None
        changed = VisitRequest.objects.filter(
            pk=visit.pk, slot_id=old_slot.pk, status__in=[Status.PENDING, Status.APPROVED]
        ).update(
            slot=new_slot,
            guide=visit.guide if keep_guide else None,
            reminder_sent_at=None,
            updated_at=timezone.now(),
        )
        if not changed:
            raise InvalidTransition(
                _("This request is %(status)s and cannot be changed that way.") % {"status": visit.get_status_display()}
            )
        visit.refresh_from_db()
        _record(visit, VisitEvent.Action.RESCHEDULED, by=by, text=f"{old_slot} → {new_slot}")
        from . import tasks

        tasks.send_visit_email.delay_on_commit(visit.pk, "rescheduled")
    return visit


def _overlaps(a: Slot, b: Slot) -> bool:
    return a.date == b.date and a.start < b.end and b.start < a.end


def _guide_conflict(guide: Guide, slot: Slot, exclude=None):
    """The guide's other visit that overlaps ``slot``, or None."""
    others = (
        VisitRequest.objects.filter(guide=guide, status__in=HOLDING_STATUSES, slot__date=slot.date)
        .exclude(pk=exclude)
        .select_related("slot")
    )
    for other in others:
        if _overlaps(other.slot, slot):
            return other
    return None


def assign_guide(visit: VisitRequest, guide: Guide | None, by=None) -> VisitRequest:
    """Assign (or with ``None`` remove) the guide of a visit.

    Refuses a guide who is inactive, not available at that time, or already
    assigned to an overlapping visit.  The guide row is the lock, so two staff
    cannot give one guide two overlapping groups at once.
    """
    with transaction.atomic():
        if guide is not None:
            guide = Guide.objects.select_for_update().get(pk=guide.pk)
        visit.refresh_from_db()
        if visit.status not in HOLDING_STATUSES:
            raise InvalidTransition(
                _("This request is %(status)s and cannot be changed that way.") % {"status": visit.get_status_display()}
            )
        if guide is not None:
            if not guide.is_active:
                raise GuideUnavailable(_("This guide is no longer active."))
            if not guide.is_available(visit.slot):
                raise GuideUnavailable(_("%(guide)s is not available at this time.") % {"guide": guide})
            conflict = _guide_conflict(guide, visit.slot, exclude=visit.pk)
            if conflict is not None:
                raise GuideUnavailable(
                    _("%(guide)s already leads %(code)s (%(organisation)s) at an overlapping time.")
                    % {"guide": guide, "code": conflict.code, "organisation": conflict.organisation}
                )
        VisitRequest.objects.filter(pk=visit.pk).update(guide=guide, updated_at=timezone.now())
        visit.refresh_from_db()
        _record(visit, VisitEvent.Action.GUIDE, by=by, text=str(guide) if guide else _("No guide"))
    return visit


def check_in(visit: VisitRequest, headcount: int, by=None, today=None) -> VisitRequest:
    """Record an approved group's arrival on the day of its visit, with the people who came."""
    today = today or local_today()
    try:
        headcount = int(headcount)
    except (TypeError, ValueError):
        raise VisitError(_("Enter the number of people who came."), field="headcount") from None
    if headcount < 1 or headcount > max(visit.slot.capacity, visit.group_size) * 2:
        raise VisitError(_("Enter the number of people who came."), field="headcount")
    if visit.slot.date != today:
        raise VisitError(
            _("This visit is booked for %(date)s; groups are checked in on the day.")
            % {"date": visit.slot.date.isoformat()}
        )
    return _transition(
        visit,
        [Status.APPROVED],
        Status.CHECKED_IN,
        VisitEvent.Action.CHECKED_IN,
        by=by,
        text=str(headcount),
        actual_headcount=headcount,
        checked_in_at=timezone.now(),
    )


def mark_no_show(visit: VisitRequest, by=None, now=None) -> VisitRequest:
    """Mark an approved group that did not come; only once its slot has started."""
    now = now or timezone.now()
    if visit.slot.start_at > now:
        raise VisitError(_("A group can be marked as a no-show only once its visit has started."))
    return _transition(visit, [Status.APPROVED], Status.NO_SHOW, VisitEvent.Action.NO_SHOW, by=by)


def add_note(visit: VisitRequest, text: str, by=None) -> VisitEvent:
    """Keep a staff note in the request's history."""
    text = (text or "").strip()
    if not text:
        raise VisitError(_("Write a note first."), field="text")
    return _record(visit, VisitEvent.Action.NOTE, by=by, text=text[:2000])


def generate_slots(start: datetime.date | None = None, days: int | None = None) -> int:
    """Create the slots the weekly schedule opens from ``start`` for ``days`` days; return how many are new.

    Safe to run again: a slot already there (same hall, day and start) is kept
    as it is, so staff changes to a slot are never undone.  Closed days get no slots.
    """
    from .models import booking_window_days

    start = start or local_today()
    days = days if days is not None else booking_window_days() + 1
    rules = list(OpeningRule.objects.filter(is_active=True, hall__is_active=True).select_related("hall"))
    end = start + datetime.timedelta(days=days - 1)
    closed = {(c.date, c.hall_id) for c in ClosedDay.objects.filter(date__gte=start, date__lte=end)}
    existing = set(Slot.objects.filter(date__gte=start, date__lte=end).values_list("hall_id", "date", "start"))
    new = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        for rule in rules:
            if not rule.applies_on(day) or (day, None) in closed or (day, rule.hall_id) in closed:
                continue
            if (rule.hall_id, day, rule.start) in existing:
                continue
            new.append(
                Slot(
                    hall=rule.hall,
                    date=day,
                    start=rule.start,
                    end=rule.end,
                    capacity=rule.capacity or rule.hall.capacity,
                    rule=rule,
                )
            )
            existing.add((rule.hall_id, day, rule.start))
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
