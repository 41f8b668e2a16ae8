"""A request's status and history: compare-and-set status changes, history entries, staff notes.

Status changes that take no places use ``UPDATE … WHERE status IN (<allowed>)`` instead of a
lock and refuse when no row changed, so two staff clicking at once cannot both win
(docs/visits.md, "Locking").
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from college.accounts.models import User

from ..models import VisitEvent, VisitRequest
from .errors import InvalidTransition, VisitError

#: Who acts (shown in the history); None for the system (the public form, the API, tasks).
Staff = User | None


def record_event(
    visit: VisitRequest, action: str, by: Staff = None, text: str = "", from_status: str = "", to_status: str = ""
) -> VisitEvent:
    """Add one entry to the request's history."""
    return VisitEvent.objects.create(
        request=visit, action=action, by=by, text=text, from_status=from_status, to_status=to_status
    )


def refuse_transition(visit: VisitRequest) -> InvalidTransition:
    """The error for an action the request's current status does not allow."""
    return InvalidTransition(
        _("This request is %(status)s and cannot be changed that way.") % {"status": visit.get_status_display()}
    )


def transition(
    visit: VisitRequest,
    allowed_from: Iterable[str],
    to_status: str,
    action: str,
    by: Staff = None,
    text: str = "",
    **fields: Any,
) -> VisitRequest:
    """Move ``visit`` to ``to_status`` if it is still in one of ``allowed_from`` (compare and set)."""
    with transaction.atomic():
        changed = VisitRequest.objects.filter(pk=visit.pk, status__in=list(allowed_from)).update(
            status=to_status, updated_at=timezone.now(), **fields
        )
        if not changed:
            visit.refresh_from_db()
            raise refuse_transition(visit)
        from_status = visit.status
        visit.refresh_from_db()
        record_event(visit, action, by=by, text=text, from_status=from_status, to_status=to_status)
    return visit


def add_note(visit: VisitRequest, text: str, by: Staff = None) -> VisitEvent:
    """Keep a staff note in the request's history."""
    text = (text or "").strip()
    if not text:
        raise VisitError(_("Write a note first."), field="text")
    return record_event(visit, VisitEvent.Action.NOTE, by=by, text=text[:2000])
