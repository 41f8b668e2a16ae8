"""A year's credit hours by unit and by cadre, computed in the database.

``with_year_hours`` annotates any queryset of cadres with the year's required and elective
hours and whether the target is met (the same rule as ``courses.services.year_summary``), as
correlated subqueries on the ledger, so a list of any length costs one query.

``unit_report`` groups a unit's cadres by the path prefix of its children (every child of a
unit has a path of the same length, so ``SUBSTR(path, 1, n)`` names the child a cadre belongs
to) and sums in SQL: a city of 20,000 cadres is a handful of queries, whatever its size
(tests/organisations/test_reports.py counts them; bench/organisations_report.py times them).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMonth, Substr
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courses import services as course_services
from courses.models import CourseCompletion, CreditEntry, CreditType, TrainingClassMember

from . import scoping
from .models import Unit

HOURS = DecimalField(max_digits=9, decimal_places=2)
ZERO = Decimal("0.00")


def _year_hours(year: int, credit_type: str):
    entries = (
        CreditEntry.objects.filter(user=OuterRef("pk"), year=year, credit_type=credit_type)
        .order_by()
        .values("user")
        .annotate(hours=Sum("hours"))
        .values("hours")[:1]
    )
    return Coalesce(Subquery(entries, output_field=HOURS), Value(ZERO), output_field=HOURS)


def _count(queryset):
    counted = queryset.order_by().values("user").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def targets() -> tuple[Decimal, Decimal]:
    """The annual target and its required part (the ledger's settings, as Decimals)."""
    return (
        Decimal(str(course_services.annual_target())),
        Decimal(str(course_services.annual_required_target())),
    )


def with_year_hours(cadres, year: int):
    """``cadres`` annotated with ``required``, ``elective``, ``total`` hours of ``year`` and ``met``
    (total ≥ the annual target and required ≥ its required part)."""
    target, required_target = targets()
    return (
        cadres.annotate(
            required=_year_hours(year, CreditType.REQUIRED), elective=_year_hours(year, CreditType.ELECTIVE)
        )
        .annotate(total=ExpressionWrapper(F("required") + F("elective"), output_field=HOURS))
        .annotate(
            met=Case(
                When(Q(total__gte=target) & Q(required__gte=required_target), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def with_year_activity(cadres, year: int):
    """``cadres`` annotated as by ``with_year_hours`` plus the year's ``courses_completed``,
    ``certificates_issued`` and ``training_classes`` (running in the year)."""
    from college.certificates.models import Certificate

    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return with_year_hours(cadres, year).annotate(
        courses_completed=_count(CourseCompletion.objects.filter(user=OuterRef("pk"), completed_at__year=year)),
        certificates_issued=_count(
            Certificate.objects.filter(user=OuterRef("pk"), status=Certificate.Status.ISSUED, issued_at__year=year)
        ),
        training_classes=_count(
            TrainingClassMember.objects.filter(
                user=OuterRef("pk"), training_class__start_date__lte=last, training_class__end_date__gte=first
            )
        ),
    )


# ---------------------------------------------------------------------------
# The report of a unit: one row per child unit
# ---------------------------------------------------------------------------
@dataclass
class ReportRow:
    """The figures of one unit's subtree (or of the cadres placed directly in the unit itself)."""

    unit: Unit | None
    label: str
    direct: bool = False
    cadres: int = 0
    met: int = 0
    required: Decimal = ZERO
    elective: Decimal = ZERO
    months: list = field(default_factory=lambda: [ZERO] * 12)
    has_children: bool = False

    @property
    def total(self) -> Decimal:
        return self.required + self.elective

    @property
    def share_met(self) -> float:
        """Percent of the cadres who met the target (0 when there are none)."""
        return round(100 * self.met / self.cadres, 1) if self.cadres else 0.0

    @property
    def average(self) -> Decimal:
        return (self.total / self.cadres).quantize(Decimal("0.01")) if self.cadres else ZERO


@dataclass
class UnitReport:
    """A year's hours for the children of ``unit`` (the top of what the viewer sees when None)."""

    year: int
    unit: Unit | None
    trail: list  # visible ancestors, top first
    rows: list
    totals: ReportRow
    required_by_month: list
    elective_by_month: list
    target: Decimal
    required_target: Decimal


def _add(row: ReportRow, figures: dict) -> None:
    row.cadres += figures["cadres"]
    row.met += figures["met"] or 0
    row.required += figures["required"] or ZERO
    row.elective += figures["elective"] or ZERO


def unit_report(viewer, year: int, unit: Unit | None = None, language: str | None = None) -> UnitReport:
    """The year's hours per child of ``unit`` as ``viewer`` may see them, plus the cadres placed
    directly in ``unit``, totals and hours by month.  The caller checks that ``viewer`` may see
    ``unit`` (``scoping.visible_unit_or_404``); the cadres counted are ``cadres_visible_to(viewer)``.
    """
    cadres = scoping.cadres_visible_to(viewer)
    if unit is None:
        children = list(scoping.top_units_visible_to(viewer).order_by("path"))
        trail = []
        # The tops of a unit administrator's forest may lie at different depths: name each
        # cadre's top with a CASE over the few top paths instead of a fixed-length prefix.
        group = Case(
            *[When(unit__path__startswith=child.path, then=Value(child.path)) for child in children],
            default=Value(""),
        )
        cadres = cadres.filter(scoping.within(children, "unit__path")) if children else cadres.none()
        entry_group = Case(
            *[When(user__unit__path__startswith=child.path, then=Value(child.path)) for child in children],
            default=Value(""),
        )
    else:
        children = list(unit.get_children())
        trail = list(scoping.units_visible_to(viewer).filter(path__in=unit.ancestor_paths()).order_by("depth"))
        length = len(unit.path) + Unit.steplen
        group = Substr("unit__path", 1, length)
        entry_group = Substr("user__unit__path", 1, length)
        cadres = cadres.filter(unit__path__startswith=unit.path)

    rows = {
        child.path: ReportRow(child, child.name_for(language), has_children=child.numchild > 0) for child in children
    }
    if unit is not None:
        rows[unit.path] = ReportRow(unit, _("Directly in %(unit)s") % {"unit": unit.name_for(language)}, direct=True)

    per_group = (
        with_year_hours(cadres, year)
        .annotate(
            group=group, met_count=Case(When(met=True, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .values("group")
        .annotate(cadres=Count("pk"), met=Sum("met_count"), required=Sum("required"), elective=Sum("elective"))
        .order_by()
    )
    for figures in per_group:
        if figures["group"] in rows:
            _add(rows[figures["group"]], figures)

    monthly = (
        CreditEntry.objects.filter(year=year, user__in=cadres.values("pk"))
        .annotate(group=entry_group, month=ExtractMonth("earned_on"))
        .values("group", "month", "credit_type")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    required_by_month, elective_by_month = [ZERO] * 12, [ZERO] * 12
    for figures in monthly:
        index = figures["month"] - 1
        if figures["group"] in rows:
            rows[figures["group"]].months[index] += figures["hours"]
        if figures["credit_type"] == CreditType.REQUIRED:
            required_by_month[index] += figures["hours"]
        else:
            elective_by_month[index] += figures["hours"]

    ordered = [rows[child.path] for child in children]
    if unit is not None and rows[unit.path].cadres:
        ordered.insert(0, rows[unit.path])
    totals = ReportRow(unit, _("Total"))
    for row in ordered:
        _add(totals, {"cadres": row.cadres, "met": row.met, "required": row.required, "elective": row.elective})
        totals.months = [a + b for a, b in zip(totals.months, row.months, strict=True)]
    target, required_target = targets()
    return UnitReport(
        year=year,
        unit=unit,
        trail=trail,
        rows=ordered,
        totals=totals,
        required_by_month=required_by_month,
        elective_by_month=elective_by_month,
        target=target,
        required_target=required_target,
    )


def report_table(report: UnitReport) -> tuple[list, list]:
    """The report as spreadsheet headers and rows (one per child unit, months as columns, totals last)."""
    headers = [
        _("Unit"),
        pgettext("unit", "Code"),
        _("Cadres"),
        _("Met the target"),
        _("Share met (%)"),
        _("Required"),
        _("Elective"),
        _("Total"),
        _("Average per cadre"),
    ] + [_("Month %(m)d") % {"m": month} for month in range(1, 13)]
    rows = []
    for row in [*report.rows, report.totals]:
        rows.append(
            [
                row.label,
                row.unit.code if row.unit is not None and row is not report.totals else "",
                row.cadres,
                row.met,
                row.share_met,
                row.required,
                row.elective,
                row.total,
                row.average,
                *row.months,
            ]
        )
    return headers, rows


# ---------------------------------------------------------------------------
# Cadre lists (back office, exports, HR API)
# ---------------------------------------------------------------------------
def cadre_table(cadres, year: int, language: str | None = None) -> tuple[list, list]:
    """Headers and rows of a cadre list export: one row per cadre with the year's figures."""
    headers = [
        _("Name"),
        _("Email"),
        _("Unit"),
        _("Unit code"),
        _("Position"),
        _("Required"),
        _("Elective"),
        _("Total"),
        _("Target met"),
        _("Courses completed"),
        _("Certificates"),
        _("Training classes"),
    ]
    rows = [
        [
            cadre.display_name,
            cadre.email,
            cadre.unit.name_for(language),
            cadre.unit.code,
            cadre.position,
            cadre.required,
            cadre.elective,
            cadre.total,
            _("Yes") if cadre.met else _("No"),
            cadre.courses_completed,
            cadre.certificates_issued,
            cadre.training_classes,
        ]
        for cadre in cadres
    ]
    return headers, rows
