"""Moving a request to another slot with its places, in one transaction.

One lock: the *new* slot's row (places are taken there, re-checked under the lock).  The old
slot is not locked — freeing places needs no lock (docs/visits.md, "Locking").
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Slot, Status, VisitEvent, VisitRequest, local_today
from .booking import check_bookable
from .errors import NotEnoughPlaces, SlotNotBookable
from .guides import guide_conflict
from .notifications import email_leader
from .state import Staff, record_event, refuse_transition


def reschedule(
    visit: VisitRequest, new_slot_id: int | str, by: Staff = None, *, enforce_window: bool = False
) -> VisitRequest:
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
        keep_guide = visit.guide is not None and guide_conflict(visit.guide, new_slot, exclude=visit.pk) is None
        changed = VisitRequest.objects.filter(
            pk=visit.pk, slot_id=old_slot.pk, status__in=[Status.PENDING, Status.APPROVED]
        ).update(
            slot=new_slot,
            guide=visit.guide if keep_guide else None,
            reminder_sent_at=None,
            updated_at=timezone.now(),
        )
        if not changed:
            raise refuse_transition(visit)
        visit.refresh_from_db()
        record_event(visit, VisitEvent.Action.RESCHEDULED, by=by, text=f"{old_slot} → {new_slot}")
        email_leader(visit, "rescheduled")
    return visit
