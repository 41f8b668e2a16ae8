"""Giving a visit its guide: the guide must be active, available then, and free of overlapping visits.

The guide row is this rule's one lock, so two staff cannot give one guide two overlapping
groups at once (docs/visits.md, "Locking").
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import HOLDING_STATUSES, Guide, Slot, VisitEvent, VisitRequest
from .errors import GuideUnavailable
from .state import Staff, record_event, refuse_transition


def overlaps(a: Slot, b: Slot) -> bool:
    """True when two slots share some time on the same day."""
    return a.date == b.date and a.start < b.end and b.start < a.end


def guide_conflict(guide: Guide, slot: Slot, exclude: int | None = None) -> VisitRequest | None:
    """The guide's other visit that overlaps ``slot``, or None."""
    others = (
        VisitRequest.objects.filter(guide=guide, status__in=HOLDING_STATUSES, slot__date=slot.date)
        .exclude(pk=exclude)
        .select_related("slot")
    )
    for other in others:
        if overlaps(other.slot, slot):
            return other
    return None


def assign_guide(visit: VisitRequest, guide: Guide | None, by: Staff = None) -> VisitRequest:
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
            raise refuse_transition(visit)
        if guide is not None:
            if not guide.is_active:
                raise GuideUnavailable(_("This guide is no longer active."))
            if not guide.is_available(visit.slot):
                raise GuideUnavailable(_("%(guide)s is not available at this time.") % {"guide": guide})
            conflict = guide_conflict(guide, visit.slot, exclude=visit.pk)
            if conflict is not None:
                raise GuideUnavailable(
                    _("%(guide)s already leads %(code)s (%(organisation)s) at an overlapping time.")
                    % {"guide": guide, "code": conflict.code, "organisation": conflict.organisation}
                )
        VisitRequest.objects.filter(pk=visit.pk).update(guide=guide, updated_at=timezone.now())
        visit.refresh_from_db()
        record_event(visit, VisitEvent.Action.GUIDE, by=by, text=str(guide) if guide else _("No guide"))
    return visit
