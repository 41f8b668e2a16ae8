"""Who is told what, after the transaction commits (``delay_on_commit``): nothing is sent for
a booking that rolls back, and each task re-reads the request (``tasks.py``)."""

from ..models import VisitRequest


def email_leader(visit: VisitRequest, kind: str) -> None:
    """Email the group leader about ``visit`` (received, approved, declined, …) once committed."""
    from .. import tasks  # tasks import the services; imported here to keep the cycle out

    tasks.send_visit_email.delay_on_commit(visit.pk, kind)


def tell_reception(visit: VisitRequest) -> None:
    """Tell reception staff of a new request once committed."""
    from .. import tasks

    tasks.notify_staff_of_request.delay_on_commit(visit.pk)
