"""Who is told what, after the transaction commits, through the outbox (college/core/outbox.py):
nothing is sent for a booking that rolls back, a booking made while the broker is down is stored
and its emails go out when the broker is back, and each task re-reads the request (``tasks.py``)."""

from college.core.outbox import send_after_commit

from ..models import VisitRequest


def email_leader(visit: VisitRequest, kind: str) -> None:
    """Email the group leader about ``visit`` (received, approved, declined, …) once committed."""
    from .. import tasks  # tasks import the services; imported here to keep the cycle out

    send_after_commit(tasks.send_visit_email, visit.pk, kind)


def tell_reception(visit: VisitRequest) -> None:
    """Tell reception staff of a new request once committed."""
    from .. import tasks

    send_after_commit(tasks.notify_staff_of_request, visit.pk)
