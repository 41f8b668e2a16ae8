"""Offline hours declared by cadres (学时申报) and approved by their unit, as plain functions.

A cadre declares an activity (``declare``); an administrator of the cadre's unit (or a unit above
it) approves or rejects it with a comment (``decide_for_unit``); when the activity type's rule says
so, training staff of the college confirm it afterwards (``confirm_for_college``).  Approved hours
enter the credit-hour ledger exactly once: the declaration row is locked, its status re-checked,
and the ledger entry carries the reference ``declaration:<id>`` that the ledger counts once.
Every step writes a ``DeclarationEvent`` (who, what, when, comment); the cadre is emailed on the
final decision once the transaction commits.

Lock order: the cadre's user row (declaring) → the declaration row → the ledger.
"""

from __future__ import annotations

import datetime
import io
import secrets
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from college.core.outbox import send_after_commit
from college.core.params import local_today

from . import scoping
from .models import (
    ActivityRule,
    ActivityType,
    DeclarationEvent,
    DeclarationStatus,
    HoursDeclaration,
)

CONFIRM_PERMISSION = "organisations.confirm_hoursdeclaration"
#: Statuses whose hours count against the yearly maximum of an activity type.
COUNTING = (DeclarationStatus.SUBMITTED, DeclarationStatus.UNIT_APPROVED, DeclarationStatus.APPROVED)
TITLE_MAX = 200
ORGANISER_MAX = 100
COMMENT_MAX = 1000


class DeclarationError(Exception):
    """A rule refused the declaration or the decision; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str] | str, code: str = "invalid"):
        self.errors = {"__all__": str(errors)} if isinstance(errors, str) else {k: str(v) for k, v in errors.items()}
        self.code = code
        super().__init__("; ".join(self.errors.values()))


def evidence_max_bytes() -> int:
    """The largest evidence file accepted (``COLLEGE_DECLARATION_EVIDENCE_MAX_BYTES``)."""
    return int(getattr(settings, "COLLEGE_DECLARATION_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024))


def rule_for(activity_type: str) -> ActivityRule:
    """The rule of an activity type; a type without a stored rule gets the model's defaults (unsaved)."""
    rule = ActivityRule.objects.filter(activity_type=activity_type).first()
    return rule or ActivityRule(activity_type=activity_type)


# ---------------------------------------------------------------------------
# Evidence: PDF, PNG or JPEG, recognised by content, never by the file's name
# ---------------------------------------------------------------------------
def sniff_evidence(data: bytes) -> tuple[str, str] | None:
    """(extension, content type) of a PDF, PNG or JPEG file from its bytes, else None."""
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]:
        return "pdf", "application/pdf"
    kind = None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = ("png", "image/png")
    elif data.startswith(b"\xff\xd8\xff"):
        kind = ("jpg", "image/jpeg")
    if kind is None:
        return None
    from PIL import Image

    try:  # a real image, not just its first bytes
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        return None
    return kind


def check_evidence(upload) -> tuple[bytes, str, str]:
    """Read an uploaded evidence file: (bytes, extension, content type), or DeclarationError on ``evidence``."""
    limit = evidence_max_bytes()
    if upload.size is not None and upload.size > limit:
        raise DeclarationError({"evidence": too_large_message(limit)})
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise DeclarationError({"evidence": too_large_message(limit)})
    if not data:
        raise DeclarationError({"evidence": _("The file is empty.")})
    kind = sniff_evidence(data)
    if kind is None:
        raise DeclarationError({"evidence": _("Upload a PDF, PNG or JPEG file (this file is none of them).")})
    return data, kind[0], kind[1]


def too_large_message(limit: int) -> str:
    return _("The file is larger than %(size)s MB.") % {"size": f"{limit / 1024 / 1024:g}"}


# ---------------------------------------------------------------------------
# Declaring
# ---------------------------------------------------------------------------
def _hours(value) -> Decimal:
    try:
        hours = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise DeclarationError({"hours": _("Enter the hours as a number, e.g. 2 or 1.5.")}) from None
    if not hours.is_finite() or hours <= 0:
        raise DeclarationError({"hours": _("Hours must be more than zero.")})
    if hours != hours.quantize(Decimal("0.01")):
        raise DeclarationError({"hours": _("Use at most two decimal places.")})
    return hours


def hours_declared_in_year(user, activity_type: str, year: int, exclude_pk: int | None = None) -> Decimal:
    """Hours of ``activity_type`` the user declared in ``year`` that are waiting or approved."""
    rows = HoursDeclaration.objects.filter(
        user=user, activity_type=activity_type, activity_date__year=year, status__in=COUNTING
    )
    if exclude_pk:
        rows = rows.exclude(pk=exclude_pk)
    return rows.aggregate(total=Sum("hours"))["total"] or Decimal(0)


def check_declaration(user, activity_type: str, title: str, organiser: str, activity_date, hours, today=None):
    """Every field rule at once: a dict of field errors (empty when all is well) and the hours."""
    today = today or local_today()
    errors: dict[str, str] = {}
    if activity_type not in ActivityType.values:
        errors["activity_type"] = _("Choose the type of activity.")
    if not (title or "").strip():
        errors["title"] = _("Name the activity.")
    elif len(title.strip()) > TITLE_MAX:
        errors["title"] = _("At most %(count)d characters.") % {"count": TITLE_MAX}
    if not (organiser or "").strip():
        errors["organiser"] = _("Name who organised the activity.")
    elif len(organiser.strip()) > ORGANISER_MAX:
        errors["organiser"] = _("At most %(count)d characters.") % {"count": ORGANISER_MAX}
    if not isinstance(activity_date, datetime.date):
        errors["activity_date"] = _("Enter the date of the activity.")
    elif activity_date > today:
        errors["activity_date"] = _("The activity cannot be in the future.")
    elif activity_date.year != today.year:
        errors["activity_date"] = _("Declare activities of %(year)d only; earlier years are closed.") % {
            "year": today.year
        }
    parsed = None
    try:
        parsed = _hours(hours)
    except DeclarationError as error:
        errors.update(error.errors)
    if parsed is not None and "activity_type" not in errors:
        rule = rule_for(activity_type)
        if parsed > rule.max_hours_per_activity:
            errors["hours"] = _("At most %(max)s hours for one activity of this type.") % {
                "max": f"{rule.max_hours_per_activity.normalize():f}"
            }
        elif isinstance(activity_date, datetime.date) and "activity_date" not in errors:
            used = hours_declared_in_year(user, activity_type, activity_date.year)
            if used + parsed > rule.max_hours_per_year:
                errors["hours"] = _(
                    "At most %(max)s hours of this type a year; you have declared %(used)s, so %(left)s are left."
                ) % {
                    "max": f"{rule.max_hours_per_year.normalize():f}",
                    "used": f"{used.normalize():f}",
                    "left": f"{max(rule.max_hours_per_year - used, Decimal(0)).normalize():f}",
                }
    return errors, parsed


def declare(
    user,
    *,
    activity_type: str,
    title: str,
    organiser: str,
    activity_date: datetime.date,
    hours,
    evidence=None,
    visit=None,
    language: str = "zh-hans",
    today=None,
) -> HoursDeclaration:
    """Store a cadre's declaration for their unit's administrators, or raise DeclarationError with
    every field's error (nothing stored).  A declaration of a checked-in visit needs no file."""
    if getattr(user, "unit_id", None) is None:
        raise DeclarationError(_("Choose your unit in your profile first: its administrators approve your hours."))
    User = get_user_model()
    with transaction.atomic():
        # One declaring at a time per cadre, so two at once cannot pass the yearly maximum together.
        user = User.objects.select_for_update(of=("self",)).select_related("unit").get(pk=user.pk)
        errors, parsed = check_declaration(user, activity_type, title, organiser, activity_date, hours, today)
        rule = rule_for(activity_type) if activity_type in ActivityType.values else None
        if visit is not None:
            if visit.pk not in {v.pk for v in visits_to_declare(user, today=today)}:
                errors["__all__"] = _("This visit cannot be declared (again) by you.")
        elif evidence is None and rule is not None and rule.evidence_required:
            errors["evidence"] = _("Upload the evidence: a certificate, a notice or a photo (PDF, PNG or JPEG).")
        content = None
        if evidence is not None:
            try:
                content = check_evidence(evidence)
            except DeclarationError as error:
                errors.update(error.errors)
        if errors:
            raise DeclarationError(errors)
        declaration = HoursDeclaration(
            user=user,
            unit=user.unit,
            activity_type=activity_type,
            title=title.strip(),
            organiser=organiser.strip(),
            activity_date=activity_date,
            hours=parsed,
            credit_type=rule.credit_type,
            needs_college_confirmation=rule.needs_college_confirmation,
            visit=visit,
            language=language,
        )
        if content is not None:
            data, extension, content_type = content
            declaration.evidence_name = (getattr(evidence, "name", "") or "")[-200:]
            declaration.evidence_type = content_type
            # A random name: the file is never reachable by guessing, only through the checked view.
            declaration.evidence.save(f"{secrets.token_hex(16)}.{extension}", ContentFile(data), save=False)
        try:
            with transaction.atomic():
                declaration.save()
        except IntegrityError:
            raise DeclarationError(_("This visit cannot be declared (again) by you.")) from None
        DeclarationEvent.objects.create(declaration=declaration, action=DeclarationEvent.Action.SUBMITTED, by=user)
    return declaration


def visits_to_declare(user, today=None):
    """Checked-in study visits of this year with the user on the roster (same name, and the group's
    work unit is the user's unit or typed work unit, or the user led it) not yet declared by them."""
    from college.visits.models import Status, VisitRequest

    today = today or local_today()
    if not (getattr(user, "real_name", "") or "").strip():
        return VisitRequest.objects.none()
    names = {user.work_unit.strip()} if user.work_unit else set()
    if user.unit_id:
        names |= {user.unit.name, *user.unit.alias_list()}
    names.discard("")
    declared = HoursDeclaration.objects.filter(user=user, visit__isnull=False).values("visit_id")
    return (
        VisitRequest.objects.filter(
            status=Status.CHECKED_IN,
            slot__date__year=today.year,
            slot__date__lte=today,
            visitors__name=user.real_name.strip(),
        )
        .filter(Q(organisation__in=names) | Q(email__iexact=user.email or "-"))
        .exclude(pk__in=declared)
        .select_related("slot")
        .distinct()
        .order_by("-slot__date")
    )


def visit_prefill(visit) -> dict:
    """The declaration form's values for a checked-in visit."""
    start = datetime.datetime.combine(visit.slot.date, visit.slot.start)
    end = datetime.datetime.combine(visit.slot.date, visit.slot.end)
    hours = max(Decimal(int((end - start).total_seconds() // 1800)) / 2, Decimal("0.5"))
    hours = min(hours, rule_for(ActivityType.STUDY_VISIT).max_hours_per_activity)
    return {
        "activity_type": ActivityType.STUDY_VISIT,
        "title": _("Study visit to the Fengqiao Experience exhibition hall"),
        "organiser": visit.organisation,
        "activity_date": visit.slot.date,
        "hours": hours,
    }


# ---------------------------------------------------------------------------
# Deciding: the unit, then (when the rule says so) the college
# ---------------------------------------------------------------------------
def declarations_visible_to(user):
    """Declarations of cadres in the units the user sees (every one for college staff)."""
    rows = HoursDeclaration.objects.select_related("user", "unit")
    if scoping.is_college_staff(user):
        return rows
    return rows.filter(unit__in=scoping.units_visible_to(user))


def _locked(declaration_id) -> HoursDeclaration:
    declaration = (
        HoursDeclaration.objects.select_for_update(of=("self",))
        .select_related("user", "unit")
        .filter(pk=declaration_id)
        .first()
    )
    if declaration is None:
        raise DeclarationError(_("There is no such declaration."), code="not_found")
    return declaration


def _comment(approve: bool, comment: str) -> str:
    comment = (comment or "").strip()
    if not approve and not comment:
        raise DeclarationError({"comment": _("Say why the declaration is rejected.")})
    if len(comment) > COMMENT_MAX:
        raise DeclarationError({"comment": _("At most %(count)d characters.") % {"count": COMMENT_MAX}})
    return comment


def decide_for_unit(approver, declaration_id: int, approve: bool, comment: str = "", now=None) -> HoursDeclaration:
    """An administrator of the cadre's unit approves or rejects; approved hours are credited at once
    unless the college confirms this type.  Deciding twice (or at once from two sessions) refuses the second."""
    comment = _comment(approve, comment)
    now = now or timezone.now()
    with transaction.atomic():
        declaration = _locked(declaration_id)
        if not scoping.can_administer(approver, declaration.unit):
            raise DeclarationError({"unit": _("You do not administer the unit of this declaration.")}, code="forbidden")
        if declaration.user_id == approver.pk:
            raise DeclarationError(_("You cannot decide on your own declaration."), code="forbidden")
        if declaration.status != DeclarationStatus.SUBMITTED:
            raise DeclarationError(_("This declaration has already been decided."), code="decided")
        if not approve:
            _finish(
                declaration, DeclarationStatus.REJECTED, DeclarationEvent.Action.UNIT_REJECTED, approver, comment, now
            )
        elif declaration.needs_college_confirmation:
            declaration.status = DeclarationStatus.UNIT_APPROVED
            declaration.save(update_fields=["status"])
            _event(declaration, DeclarationEvent.Action.UNIT_APPROVED, approver, comment, now)
        else:
            _event(declaration, DeclarationEvent.Action.UNIT_APPROVED, approver, comment, now)
            _credit(declaration, approver, now)
    return declaration


def may_confirm(user) -> bool:
    """True for training staff who confirm declared hours for the college."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(CONFIRM_PERMISSION))


def confirm_for_college(staff, declaration_id: int, approve: bool, comment: str = "", now=None) -> HoursDeclaration:
    """Training staff confirm (credit) or reject a declaration the unit approved."""
    comment = _comment(approve, comment)
    now = now or timezone.now()
    if not may_confirm(staff):
        raise DeclarationError(_("Only training staff of the college confirm declarations."), code="forbidden")
    with transaction.atomic():
        declaration = _locked(declaration_id)
        if declaration.status != DeclarationStatus.UNIT_APPROVED:
            raise DeclarationError(_("This declaration is not waiting for the college."), code="decided")
        if approve:
            _event(declaration, DeclarationEvent.Action.CONFIRMED, staff, comment, now)
            _credit(declaration, staff, now)
        else:
            _finish(
                declaration, DeclarationStatus.REJECTED, DeclarationEvent.Action.COLLEGE_REJECTED, staff, comment, now
            )
    return declaration


def _event(declaration, action, by, comment="", now=None):
    return DeclarationEvent.objects.create(
        declaration=declaration, action=action, by=by, comment=comment, at=now or timezone.now()
    )


def _finish(declaration, status, action, by, comment, now) -> None:
    declaration.status = status
    declaration.decided_at = now
    declaration.save(update_fields=["status", "decided_at"])
    _event(declaration, action, by, comment, now)
    _email_cadre(declaration, "approved" if status == DeclarationStatus.APPROVED else "rejected")


def _credit(declaration: HoursDeclaration, by, now) -> None:
    """Enter the hours in the ledger (once: the row is locked and the reference is unique)."""
    from courses import services as course_services
    from courses.models import CreditEntry

    source = (
        CreditEntry.Source.VISIT
        if declaration.activity_type == ActivityType.STUDY_VISIT
        else CreditEntry.Source.OFFLINE
    )
    with translation.override(declaration.language):
        reason = _("Declared hours (no. %(id)d), approved") % {"id": declaration.pk}
    entry, _created = course_services.add_credit(
        declaration.user,
        declaration.hours,
        source,
        declaration.credit_type,
        declaration.title,
        declaration.activity_date,
        reference=f"declaration:{declaration.pk}",
        reason=reason,
        created_by=by,
    )
    declaration.credit_entry = entry
    declaration.save(update_fields=["credit_entry"])
    _finish(declaration, DeclarationStatus.APPROVED, DeclarationEvent.Action.CREDITED, by, "", now)


def _email_cadre(declaration: HoursDeclaration, kind: str) -> None:
    if declaration.user.email:
        from . import tasks

        send_after_commit(tasks.send_declaration_email, declaration.pk, kind)


def may_read_evidence(user, declaration: HoursDeclaration) -> bool:
    """The cadre, administrators of the declaration's unit, and college staff may open the evidence."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return declaration.user_id == user.pk or scoping.can_administer(user, declaration.unit) or may_confirm(user)
