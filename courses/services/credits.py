"""The credit-hour (学时) ledger: entries per calendar year, counted once per activity, and year summaries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import CoursePage, CreditEntry, CreditType
from .canonical import _language, localized_page
from .errors import CreditError
from .rule_settings import annual_required_target, annual_target

if TYPE_CHECKING:
    from college.accounts.models import User


def add_credit(
    user: User,
    hours: Decimal | float | int | str,
    source: str,
    credit_type: str,
    title: str,
    earned_on: datetime.date,
    reference: str = "",
    course: CoursePage | None = None,
    reason: str = "",
    created_by: User | None = None,
) -> tuple[CreditEntry, bool]:
    """Add a ledger entry for the calendar year of ``earned_on``; an activity with a ``reference``
    counts once (a second call returns the existing entry). Returns (entry, created)."""
    hours = Decimal(str(hours))
    if hours <= 0:
        raise CreditError(_("Hours must be more than zero."))
    if reference:
        existing = CreditEntry.objects.filter(user=user, reference=reference).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            entry = CreditEntry.objects.create(
                user=user,
                year=earned_on.year,
                hours=hours,
                source=source,
                credit_type=credit_type,
                title=title[:255],
                reference=reference,
                course=course,
                reason=reason,
                earned_on=earned_on,
                created_by=created_by,
            )
    except IntegrityError:
        return CreditEntry.objects.get(user=user, reference=reference), False
    return entry, True


def add_offline_credit(
    user: User,
    hours: Decimal | float | int | str,
    credit_type: str,
    title: str,
    reason: str,
    earned_on: datetime.date,
    created_by: User | None,
) -> CreditEntry:
    """Staff record an offline activity (lecture, field study) with the reason for the entry."""
    if not (reason or "").strip():
        raise CreditError(_("Give the reason for this entry."))
    if not (title or "").strip():
        raise CreditError(_("Name the activity."))
    try:
        hours = Decimal(str(hours))
    except Exception:
        raise CreditError(_("Enter the hours as a number.")) from None
    if hours <= 0 or hours > 100:
        raise CreditError(_("Hours must be more than 0 and at most 100."))
    entry, _created = add_credit(
        user,
        hours,
        CreditEntry.Source.OFFLINE,
        credit_type,
        title.strip(),
        earned_on,
        reason=reason.strip(),
        created_by=created_by,
    )
    return entry


def record_visit_credit(
    user: User,
    hours: Decimal | float | int | str,
    title: str,
    reference: str | int,
    earned_on: datetime.date,
    credit_type: str = CreditType.ELECTIVE,
) -> tuple[CreditEntry, bool]:
    """For the visits app: credit a study visit once per ``reference`` (e.g. the visit request id)."""
    return add_credit(
        user, hours, CreditEntry.Source.VISIT, credit_type, title, earned_on, reference=f"visit:{reference}"
    )


def year_summary(user: User, year: int, language: str | None = None) -> dict[str, Any]:
    """This year's ledger for a learner: entries, totals per type, target and percent of target.

    Each entry gets ``display_title``: a course's title in ``language`` when the course has a copy in it.
    """
    entries = list(
        CreditEntry.objects.filter(user=user, year=year).select_related("course").order_by("earned_on", "id")
    )
    for entry in entries:
        entry.display_title = entry.title
        if language and entry.course is not None:  # loaded with the entry (select_related)
            entry.display_title = localized_page(entry.course, _language(language)).title
    required = sum((e.hours for e in entries if e.credit_type == CreditType.REQUIRED), Decimal(0))
    elective = sum((e.hours for e in entries if e.credit_type == CreditType.ELECTIVE), Decimal(0))
    total = required + elective
    target = annual_target()
    return {
        "year": year,
        "entries": entries,
        "required": required,
        "elective": elective,
        "total": total,
        "target": target,
        "required_target": annual_required_target(),
        "percent": min(100, int(total * 100 / target)) if target else 100,
        "met": total >= target and required >= annual_required_target(),
    }


def ledger_years(user: User) -> list[int]:
    """The years of the learner's ledger that have entries, newest first."""
    return list(CreditEntry.objects.filter(user=user).values_list("year", flat=True).distinct().order_by("-year"))
