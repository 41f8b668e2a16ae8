"""Background work of visit booking: emails, the reminder the day before and
opening slots ahead.  Enqueued after commit (``delay_on_commit``); each task
is safe to run twice (it re-reads the request and skips what no longer fits).
"""

import datetime

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# Which status a request must still have for each email to make sense.
EMAIL_STATUSES = {
    "received": {"pending", "approved"},
    "approved": {"approved"},
    "declined": {"declined"},
    "cancelled": {"cancelled"},
    "rescheduled": {"pending", "approved"},
    "reminder": {"approved"},
}


def _subject(kind, visit):
    subjects = {
        "received": _("We have received your visit request %(code)s"),
        "approved": _("Your visit %(code)s is approved"),
        "declined": _("Your visit request %(code)s was declined"),
        "cancelled": _("Your visit %(code)s is cancelled"),
        "rescheduled": _("Your visit %(code)s has a new time"),
        "reminder": _("Reminder: your visit %(code)s is tomorrow"),
    }
    return subjects[kind] % {"code": visit.code}


def build_visit_email(visit, kind) -> EmailMessage:
    """The email of ``kind`` for the group leader, in the leader's language."""
    from .ical import visit_ics
    from .links import qr_png, status_url

    with translation.override(visit.language):
        body = render_to_string(
            "visits/email/visit.txt",
            {"visit": visit, "kind": kind, "slot": visit.slot, "status_url": status_url(visit)},
        )
        message = EmailMessage(subject=_subject(kind, visit), body=body, to=[visit.email])
        if kind in ("approved", "rescheduled", "reminder") and visit.status == "approved":
            message.attach(f"visit-{visit.code}.ics", visit_ics(visit), "text/calendar")
            message.attach(f"visit-{visit.code}.png", qr_png(visit), "image/png")
    return message


@shared_task(ignore_result=True)
def send_visit_email(visit_id: int, kind: str) -> bool:
    """Email the group leader about their request (received, approved, declined, …)."""
    from .models import VisitRequest

    visit = VisitRequest.objects.select_related("slot__hall", "guide").filter(pk=visit_id).first()
    if visit is None or visit.status not in EMAIL_STATUSES[kind]:
        return False
    build_visit_email(visit, kind).send()
    return True


def reception_emails() -> list[str]:
    """Who hears of new requests: COLLEGE_VISITS_NOTIFY_EMAILS, else every Reception staff member."""
    configured = getattr(settings, "COLLEGE_VISITS_NOTIFY_EMAILS", None)
    if configured:
        return list(configured)
    from college.accounts.roles import RECEPTION_STAFF

    users = get_user_model().objects.filter(groups__name=RECEPTION_STAFF, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@shared_task(ignore_result=True)
def notify_staff_of_request(visit_id: int) -> bool:
    """Tell reception staff that a group asked for a visit."""
    from django.urls import reverse

    from .models import VisitRequest

    visit = VisitRequest.objects.select_related("slot__hall").filter(pk=visit_id).first()
    recipients = reception_emails()
    if visit is None or not recipients:
        return False
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("visits_admin:request", args=[visit.pk])
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("visits/email/staff_new_request.txt", {"visit": visit, "admin_url": admin_url})
        subject = _("New visit request %(code)s: %(organisation)s, %(n)d people") % {
            "code": visit.code,
            "organisation": visit.organisation,
            "n": visit.group_size,
        }
    EmailMessage(subject=subject, body=body, to=recipients).send()
    return True


@shared_task(ignore_result=True)
def send_visit_reminders(today: str | None = None) -> int:
    """Remind the leaders of tomorrow's approved visits (Celery beat, once a day); return how many."""
    from .models import Status, VisitRequest, local_today

    day = datetime.date.fromisoformat(today) if today else local_today()
    tomorrow = day + datetime.timedelta(days=1)
    sent = 0
    due = VisitRequest.objects.filter(status=Status.APPROVED, slot__date=tomorrow, reminder_sent_at__isnull=True)
    for visit_id in due.values_list("pk", flat=True):
        # Claim the reminder first so that two beat runs never send it twice.
        claimed = VisitRequest.objects.filter(
            Q(reminder_sent_at__isnull=True), pk=visit_id, status=Status.APPROVED
        ).update(reminder_sent_at=timezone.now())
        if claimed and send_visit_email(visit_id, "reminder"):
            sent += 1
    return sent


@shared_task(ignore_result=True)
def generate_slots_ahead() -> int:
    """Open the slots of the weekly schedule for the booking window (Celery beat, once a day)."""
    from .services import generate_slots

    return generate_slots()
