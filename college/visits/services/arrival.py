"""The day of the visit: checking a group in with the people who came, or marking a no-show."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Status, VisitEvent, VisitRequest, local_today
from .errors import VisitError
from .state import Staff, transition


def check_in(
    visit: VisitRequest, headcount: int | str, by: Staff = None, today: datetime.date | None = None
) -> VisitRequest:
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
    return transition(
        visit,
        [Status.APPROVED],
        Status.CHECKED_IN,
        VisitEvent.Action.CHECKED_IN,
        by=by,
        text=str(headcount),
        actual_headcount=headcount,
        checked_in_at=timezone.now(),
    )


def mark_no_show(visit: VisitRequest, by: Staff = None, now: datetime.datetime | None = None) -> VisitRequest:
    """Mark an approved group that did not come; only once its slot has started."""
    now = now or timezone.now()
    if visit.slot.start_at > now:
        raise VisitError(_("A group can be marked as a no-show only once its visit has started."))
    return transition(visit, [Status.APPROVED], Status.NO_SHOW, VisitEvent.Action.NO_SHOW, by=by)
