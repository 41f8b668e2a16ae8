"""Business rules of certificates: request, render/issue, revoke, reissue and bulk issue.

Every function runs in one transaction and raises :class:`CertificateError` (or a subclass)
with a message for people. Views, the admin, the signal receivers and the Celery task call
these functions and nothing else.

Locking: a new certificate takes its serial from the year's :class:`SerialCounter` row under
``SELECT … FOR UPDATE``; that is the one lock of the transaction, and the "already has a
certificate?" check is repeated after it (the unique constraints are the last word).
Issuing renders the PDF *outside* any transaction, then locks the certificate row, re-checks
that it is still pending and only then stores the file and marks it issued: two workers that
render the same certificate at once (a redelivered task) issue it once.

Over 350 lines: a certificate's life cycle (request, issue, revoke, reissue, bulk issue) shares
the state checks and the locking described above, so it reads top to bottom here; links: ``links.py``.
"""

from __future__ import annotations

import hashlib
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import rendering

# The links live in links.py; "x as x" re-exports them, since callers use services.qr_url() and the like.
from .links import download_url as download_url
from .links import qr_url as qr_url
from .links import signature as signature
from .links import signature_matches as signature_matches
from .links import signed_fields as signed_fields
from .links import site_url as site_url
from .links import verification_path as verification_path
from .links import verification_url as verification_url
from .models import Certificate, CertificateEvent, IssueBatch, SerialCounter

if TYPE_CHECKING:
    from wagtail.models import Page

    from college.accounts.models import User
    from courses.models import CoursePage, TrainingClass

logger = logging.getLogger(__name__)

Status = Certificate.Status
Action = CertificateEvent.Action


class CertificateError(Exception):
    """A rule of certificates was broken; the message is for people."""


class NotEligible(CertificateError):
    """The learner has not completed the course or class."""


class InvalidTransition(CertificateError):
    """The certificate is not in a state that allows the action."""


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------
def serial_prefix() -> str:
    """The letters before a serial (FQ-2026-000123)."""
    return getattr(settings, "COLLEGE_CERTIFICATES_SERIAL_PREFIX", "FQ")


def render_queue() -> str | None:
    """Celery queue for rendering (None: the default queue)."""
    return getattr(settings, "COLLEGE_CERTIFICATES_QUEUE", None) or None


# ---------------------------------------------------------------------------
# Serials and lookup
# ---------------------------------------------------------------------------
def lock_serial_counter(year: int) -> SerialCounter:
    """Lock (creating it once) the counter row of ``year``; held until the transaction ends."""
    SerialCounter.objects.get_or_create(year=year)
    return SerialCounter.objects.select_for_update().get(year=year)


def take_serial(year: int) -> str:
    """The next serial of ``year`` (``FQ-2026-000123``), taken under the counter row's lock."""
    counter = lock_serial_counter(year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{serial_prefix()}-{year}-{counter.last_number:06d}"


def live_certificate(
    user: User, *, course: CoursePage | None = None, training_class: TrainingClass | None = None
) -> Certificate | None:
    """The learner's non-superseded certificate for a course or class, or None."""
    queryset = Certificate.objects.filter(user=user).exclude(status=Status.SUPERSEDED)
    if course is not None:
        return queryset.filter(kind=Certificate.Kind.COURSE, course_id=course.pk).first()
    if training_class is None:
        raise ValueError("Give a course or a training class.")
    return queryset.filter(kind=Certificate.Kind.TRAINING_CLASS, training_class_id=training_class.pk).first()


def log(
    certificate: Certificate, action: str, actor: User | None = None, reason: str = "", **details: Any
) -> CertificateEvent:
    """Add an event to the certificate's history (who did what, why, with details)."""
    return CertificateEvent.objects.create(
        certificate=certificate, action=action, actor=actor, reason=reason or "", details=details
    )


# ---------------------------------------------------------------------------
# Snapshots: what a certificate states, taken from the course library
# ---------------------------------------------------------------------------
def _english_title(page: Page) -> str:
    from wagtail.models import Locale

    try:
        english = page.get_translation_or_none(Locale.objects.get(language_code="en"))
    except Locale.DoesNotExist:
        return ""
    return english.title if english is not None else ""


def _language(code: str | None) -> str:
    return "en" if (code or "").startswith("en") else "zh-hans"


def course_snapshot(user: User, course: CoursePage) -> dict[str, Any]:
    """What a course certificate states; raises NotEligible without a completion."""
    from courses.models import CourseCompletion

    completion = CourseCompletion.objects.filter(user=user, course_id=course.pk).select_related("course").first()
    if completion is None:
        raise NotEligible(_("%(name)s has not completed this course.") % {"name": user.display_name})
    course = completion.course
    return {
        "kind": Certificate.Kind.COURSE,
        "course_id": course.pk,
        "title": course.title,
        "title_en": _english_title(course),
        "hours": completion.credit_hours,
        "completed_on": timezone.localdate(completion.completed_at),
        "language": _language(completion.language),
        "courses": [],
    }


def class_snapshot(user: User, training_class: TrainingClass) -> dict[str, Any]:
    """What a class certificate states: the class, its courses and total hours."""
    from courses.models import CourseCompletion, TrainingClassMember

    membership = TrainingClassMember.objects.filter(training_class_id=training_class.pk, user=user).first()
    if membership is None or membership.completed_at is None:
        raise NotEligible(_("%(name)s has not completed this training class.") % {"name": user.display_name})
    links = training_class.class_courses.select_related("course").order_by("sort_order")
    completions = {
        completion.course_id: completion
        for completion in CourseCompletion.objects.filter(user=user, course__in=[link.course_id for link in links])
    }
    courses, total = [], Decimal("0")
    for link in links:
        completion = completions.get(link.course_id)
        hours = completion.credit_hours if completion else link.course.credit_hours
        total += hours
        courses.append({"title": link.course.title, "title_en": _english_title(link.course), "hours": str(hours)})
    return {
        "kind": Certificate.Kind.TRAINING_CLASS,
        "training_class_id": training_class.pk,
        "title": training_class.name,
        "title_en": training_class.name_en,
        "hours": total,
        "completed_on": timezone.localdate(membership.completed_at),
        "language": _language(membership.language),
        "courses": courses,
    }


# ---------------------------------------------------------------------------
# Requesting
# ---------------------------------------------------------------------------
def enqueue_render(certificate: Certificate) -> None:
    """Send the render task once the current transaction commits."""
    from .tasks import render_certificate

    queue = render_queue()
    if queue:
        render_certificate.apply_async_on_commit(args=[certificate.pk], queue=queue)
    else:
        render_certificate.delay_on_commit(certificate.pk)


def _create(
    user: User,
    snapshot: dict[str, Any],
    actor: User | None = None,
    replaces: Certificate | None = None,
    reason: str = "",
) -> Certificate:
    serial = take_serial(timezone.localdate().year)
    certificate = Certificate.objects.create(
        user=user,
        serial=serial,
        holder_name=user.real_name or user.display_name,
        work_unit=user.work_unit,
        replaces=replaces,
        **snapshot,
    )
    log(certificate, Action.REQUESTED, actor=actor, reason=reason)
    return certificate


def request_certificate(
    user: User,
    *,
    course: CoursePage | None = None,
    training_class: TrainingClass | None = None,
    actor: User | None = None,
    language: str | None = None,
) -> Certificate:
    """Return the learner's certificate for a course or class, creating and enqueuing it once.

    Safe to call any number of times: an existing live certificate is returned as it is (a
    failed one is sent to render again).
    """
    if (course is None) == (training_class is None):
        raise ValueError("Give exactly one of course or training_class.")
    subject: dict[str, Any] = {"course": course} if course is not None else {"training_class": training_class}
    with transaction.atomic():
        existing = live_certificate(user, **subject)
        if existing is None:
            if course is not None:
                snapshot = course_snapshot(user, course)
            else:
                assert training_class is not None  # exactly one of the two, checked above
                snapshot = class_snapshot(user, training_class)
            if language:
                snapshot["language"] = _language(language)
            # The one lock: concurrent requests queue on the counter row, so the re-check
            # below sees a certificate another transaction made meanwhile.
            lock_serial_counter(timezone.localdate().year)
            existing = live_certificate(user, **subject)
            if existing is None:
                certificate = _create(user, snapshot, actor=actor)
                enqueue_render(certificate)
                return certificate
        if existing.status == Status.FAILED:
            retry_failed(existing, actor=actor)
        return existing


def retry_failed(certificate: Certificate, actor: User | None = None) -> Certificate:
    """Put a failed certificate back to pending and render it again."""
    with transaction.atomic():
        updated = Certificate.objects.filter(pk=certificate.pk, status=Status.FAILED).update(
            status=Status.PENDING, failure_reason=""
        )
        if updated:
            certificate.refresh_from_db()
            log(certificate, Action.RETRIED, actor=actor)
            enqueue_render(certificate)
    return certificate


# ---------------------------------------------------------------------------
# Issuing (the task's body)
# ---------------------------------------------------------------------------
def issue_certificate(certificate_id: int) -> bool:
    """Render a pending certificate and mark it issued; a no-op for any other state.

    Idempotent: a second run (a redelivered task, a duplicate enqueue) finds the
    certificate issued and does nothing; two runs at once issue it once.
    Returns True when this call issued it.
    """
    Certificate.objects.filter(pk=certificate_id, status__in=[Status.PENDING, Status.FAILED]).update(
        attempts=F("attempts") + 1
    )
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None or certificate.status not in {Status.PENDING, Status.FAILED}:
        return False
    pdf_bytes = rendering.render_pdf(certificate)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if certificate.status not in {Status.PENDING, Status.FAILED}:
            return False
        name = f"certificates/{certificate.serial}-{hashlib.sha256(certificate.code.encode()).hexdigest()[:12]}.pdf"
        storage = certificate.pdf.storage
        if storage.exists(name):  # left by a run that died before committing
            storage.delete(name)
        certificate.pdf.save(name, ContentFile(pdf_bytes), save=False)
        certificate.status = Status.ISSUED
        certificate.issued_at = timezone.now()
        certificate.failure_reason = ""
        certificate.save(update_fields=["pdf", "status", "issued_at", "failure_reason"])
        log(certificate, Action.ISSUED, size=len(pdf_bytes))
        transaction.on_commit(lambda: send_issued_email(certificate.pk))
    return True


def mark_failed(certificate_id: int, reason: str) -> bool:
    """Record that rendering gave up; staff see it in the admin and may retry."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None or certificate.status != Status.PENDING:
            return False
        certificate.status = Status.FAILED
        certificate.failure_reason = reason[:2000]
        certificate.save(update_fields=["status", "failure_reason"])
        log(certificate, Action.FAILED, reason=reason[:2000])
    return True


def send_issued_email(certificate_id: int) -> None:
    """Email the holder, in the certificate's language, a link to the new certificate."""
    from django.template.loader import render_to_string

    from college.core.tasks import send_email_message

    certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
    if not certificate.user.email:
        return
    with translation.override(certificate.language):
        context = {
            "certificate": certificate,
            "title": certificate.printed_title,
            "download_url": download_url(certificate),
            "mine_url": site_url() + reverse("certificates:mine"),
            "verification_url": verification_url(certificate),
        }
        subject = _("Your certificate %(serial)s has been issued") % {"serial": certificate.serial}
        body = render_to_string("certificates/email/issued.txt", context)
    queue = render_queue()
    if queue:  # workers of the certificates queue send the emails too
        send_email_message.apply_async(args=[subject, body, [certificate.user.email]], queue=queue)
    else:
        send_email_message.delay(subject, body, [certificate.user.email])
    log(certificate, Action.EMAILED, to=certificate.user.email)


# ---------------------------------------------------------------------------
# Staff actions
# ---------------------------------------------------------------------------
def _require_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give a reason."))
    return reason


def revoke(certificate: Certificate, reason: str, actor: User | None) -> Certificate:
    """Revoke an issued certificate; verification then shows the date and reason."""
    reason = _require_reason(reason)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != Status.ISSUED:
            raise InvalidTransition(
                _("Only an issued certificate can be revoked; this one is %(status)s.")
                % {"status": certificate.get_status_display()}
            )
        certificate.status = Status.REVOKED
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = actor
        certificate.save(update_fields=["status", "revoked_at", "revoked_reason", "revoked_by"])
        log(certificate, Action.REVOKED, actor=actor, reason=reason)
    return certificate


def reissue(certificate: Certificate, reason: str, actor: User | None) -> Certificate:
    """Replace a certificate (e.g. after a name correction): new serial and code, old one superseded.

    The new certificate takes the holder's current name and work unit and the same course or
    class; it is rendered by the worker like any other.
    """
    reason = _require_reason(reason)
    with transaction.atomic():
        old = Certificate.objects.select_for_update().select_related("user").get(pk=certificate.pk)
        if old.status not in {Status.ISSUED, Status.REVOKED, Status.FAILED}:
            raise InvalidTransition(
                _("This certificate cannot be reissued while it is %(status)s.") % {"status": old.get_status_display()}
            )
        old.status = Status.SUPERSEDED
        old.superseded_at = timezone.now()
        old.save(update_fields=["status", "superseded_at"])
        snapshot = {
            "kind": old.kind,
            "course_id": old.course_id,
            "training_class_id": old.training_class_id,
            "title": old.title,
            "title_en": old.title_en,
            "hours": old.hours,
            "completed_on": old.completed_on,
            "language": old.language,
            "courses": old.courses,
        }
        new = _create(old.user, snapshot, actor=actor, replaces=old, reason=reason)
        log(old, Action.SUPERSEDED, actor=actor, reason=reason, replaced_by=new.serial)
        log(new, Action.REISSUED, actor=actor, reason=reason, replaces=old.serial)
        enqueue_render(new)
    return new


def current_replacement(certificate: Certificate) -> Certificate:
    """The certificate that finally replaces a superseded one (following the chain)."""
    seen = set()
    current = certificate
    while current.status == Status.SUPERSEDED and current.pk not in seen:
        seen.add(current.pk)
        following = Certificate.objects.filter(replaces=current).first()
        if following is None:
            break
        current = following
    return current


def bulk_issue_for_class(training_class: TrainingClass, actor: User | None) -> IssueBatch:
    """Request a certificate for every member who completed the class; returns the batch.

    Members who have not completed are counted as skipped. Certificates already issued are
    part of the batch as they are (progress counts them done).
    """
    from courses.models import TrainingClassMember

    members = TrainingClassMember.objects.filter(training_class_id=training_class.pk).select_related("user")
    with transaction.atomic():
        batch = IssueBatch.objects.create(
            training_class_id=training_class.pk, training_class_name=training_class.name, created_by=actor
        )
        skipped = 0
        for membership in members:
            if membership.completed_at is None:
                skipped += 1
                continue
            certificate = request_certificate(membership.user, training_class=training_class, actor=actor)
            batch.certificates.add(certificate)
        batch.skipped = skipped
        batch.save(update_fields=["skipped"])
    return batch


def batch_progress(batch: IssueBatch) -> dict[str, Any]:
    """Counts by state for the admin's progress bar."""
    counts = {state: 0 for state in Status.values}
    for row in batch.certificates.values("status"):
        counts[row["status"]] += 1
    total = sum(counts.values())
    done = counts[Status.ISSUED] + counts[Status.REVOKED] + counts[Status.SUPERSEDED]
    return {
        "total": total,
        "done": done,
        "issued": counts[Status.ISSUED],
        "pending": counts[Status.PENDING],
        "failed": counts[Status.FAILED],
        "skipped": batch.skipped,
        "finished": counts[Status.PENDING] == 0,
        "percent": round(100 * (done + counts[Status.FAILED]) / total) if total else 100,
    }


def class_certificates(training_class_id: int) -> QuerySet[Certificate]:
    """The issued certificates of a class (for the ZIP)."""
    return Certificate.objects.filter(
        kind=Certificate.Kind.TRAINING_CLASS, training_class_id=training_class_id, status=Status.ISSUED
    ).order_by("serial")
