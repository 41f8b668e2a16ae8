"""Reception's decisions on a request: approve, decline, cancel.

None of them takes places (declining and cancelling free them), so each is a compare-and-set
status change (``state.transition``), never a lock.
"""

from django.utils.translation import gettext as _

from ..models import Status, VisitEvent, VisitRequest
from .errors import VisitError
from .notifications import email_leader
from .state import Staff, transition


def approve(visit: VisitRequest, by: Staff = None) -> VisitRequest:
    """Approve a pending request; the leader gets the confirmation with the .ics file and QR code."""
    visit = transition(visit, [Status.PENDING], Status.APPROVED, VisitEvent.Action.APPROVED, by=by)
    email_leader(visit, "approved")
    return visit


def decline(visit: VisitRequest, reason: str, by: Staff = None) -> VisitRequest:
    """Decline a pending (or approved) request with a reason; its places are freed."""
    reason = (reason or "").strip()
    if not reason:
        raise VisitError(_("Give a reason for declining."), field="reason")
    visit = transition(
        visit,
        [Status.PENDING, Status.APPROVED],
        Status.DECLINED,
        VisitEvent.Action.DECLINED,
        by=by,
        text=reason,
        decline_reason=reason,
    )
    email_leader(visit, "declined")
    return visit


def cancel(visit: VisitRequest, by: Staff = None, reason: str = "") -> VisitRequest:
    """Cancel a pending or approved request; its places are freed."""
    visit = transition(
        visit, [Status.PENDING, Status.APPROVED], Status.CANCELLED, VisitEvent.Action.CANCELLED, by=by, text=reason
    )
    email_leader(visit, "cancelled")
    return visit
