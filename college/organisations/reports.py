"""A year's credit hours by unit and by cadre, computed in the database.

``with_year_hours`` annotates any queryset of cadres with the year's required and elective
hours and whether the target is met (the same rule as ``courses.services.year_summary``),
summed over a join to the ledger restricted to the year, so a list of any length is one query.

``unit_report`` groups a unit's cadres by the path prefix of its children (every child of a
unit has a path of the same length, so ``SUBSTR(path, 1, n)`` names the child a cadre belongs
to) and sums in SQL — per cadre in an inner query, per child in the outer one: a city of 20,000 cadres is a handful of queries, whatever its size
(tests/organisations/test_reports.py counts them; bench/organisations_report.py times them).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMonth, Substr
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courses import services as course_services
from courses.models import CourseCompletion, CreditType, TrainingClassMember

from . import scoping
from .models import Unit

HOURS = DecimalField(max_digits=9, decimal_places=2)
ZERO = Decimal("0.00")


def targets() -> tuple[Decimal, Decimal]:
    """The annual target and its required part (the ledger's settings, as Decimals)."""
    return (
        Decimal(str(course_services.annual_target())),
        Decimal(str(course_services.annual_required_target())),
    )


def _year_sums(year: int) -> dict:
    """``required`` and ``elective``: sums over the cadre's ledger entries of ``year`` only (a join
    restricted to the year by ``FilteredRelation``, summed per cadre)."""
    return {
        "required": Coalesce(
            Sum("year_entries__hours", filter=Q(year_entries__credit_type=CreditType.REQUIRED)),
            Value(ZERO),
            output_field=HOURS,
        ),
        "elective": Coalesce(
            Sum("year_entries__hours", filter=Q(year_entries__credit_type=CreditType.ELECTIVE)),
            Value(ZERO),
            output_field=HOURS,
        ),
    }


def _year_entries(year: int) -> FilteredRelation:
    return FilteredRelation("credit_entries", condition=Q(credit_entries__year=year))


def with_year_hours(cadres, year: int):
    """``cadres`` annotated with ``required``, ``elective``, ``total`` hours of ``year`` and ``met``
    (total ≥ the annual target and required ≥ its required part) — the rule of
    ``courses.services.year_summary``, summed by the database in the same query."""
    target, required_target = targets()
    return (
        cadres.annotate(year_entries=_year_entries(year))
        .annotate(**_year_sums(year))
        .annotate(total=ExpressionWrapper(F("required") + F("elective"), output_field=HOURS))
        .annotate(
            met=Case(
                When(Q(total__gte=target) & Q(required__gte=required_target), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def _sum_per_group(cadres, group, year: int) -> dict[str, dict]:
    """Per ``group`` (an expression naming the row a cadre counts in): cadres, cadres who met the
    target, required and elective hours, and both per month — in two queries.

    Who met the target needs each cadre's own sums: the ledger is summed per cadre in an inner
    query and those sums per group in the outer one.  The months need no per-cadre step: the
    year's entries are summed per group, month and type directly.  Both run in the database.
    """
    per_cadre = (
        cadres.annotate(unit_group=group, year_entries=_year_entries(year))
        .values("pk", "unit_group")
        .annotate(**_year_sums(year))
        .order_by()
    )
    inner_sql, params = per_cadre.query.sql_with_params()
    q = connection.ops.quote_name
    sql = (
        f"SELECT per_cadre.{q('unit_group')}, COUNT(*), "
        f"SUM(CASE WHEN per_cadre.{q('required')} + per_cadre.{q('elective')} >= %s "
        f"AND per_cadre.{q('required')} >= %s THEN 1 ELSE 0 END), "
        f"SUM(per_cadre.{q('required')}), SUM(per_cadre.{q('elective')}) "
        f"FROM ({inner_sql}) per_cadre GROUP BY per_cadre.{q('unit_group')}"
    )
    target, required_target = targets()
    with connection.cursor() as cursor:
        cursor.execute(sql, [target, required_target, *params])  # in the order of the placeholders
        rows = cursor.fetchall()
    groups = {
        group_value: {
            "cadres": count,
            "met": int(met or 0),
            "required": _decimal(required),
            "elective": _decimal(elective),
            "required_months": [ZERO] * 12,
            "elective_months": [ZERO] * 12,
        }
        for group_value, count, met, required, elective in rows
    }
    per_month = (
        cadres.annotate(unit_group=group, year_entries=_year_entries(year))
        .filter(year_entries__isnull=False)
        .values("unit_group", month=ExtractMonth("year_entries__earned_on"), credit_type=F("year_entries__credit_type"))
        .annotate(hours=Sum("year_entries__hours"))
        .order_by()
    )
    for figures in per_month:
        months = "required_months" if figures["credit_type"] == CreditType.REQUIRED else "elective_months"
        if figures["unit_group"] in groups:
            groups[figures["unit_group"]][months][figures["month"] - 1] += _decimal(figures["hours"])
    return groups


def _decimal(value) -> Decimal:
    # SQLite sums decimals as floats; PostgreSQL gives Decimals.
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def attach_activity(cadres: list, year: int, among=None) -> list:
    """Give each of ``cadres`` the year's ``courses_completed``, ``certificates_issued`` and
    ``training_classes`` (classes running in the year): three grouped queries, whatever the
    number of cadres.  ``among`` (a queryset of the same cadres) saves sending their ids."""
    from college.certificates.models import Certificate

    ids = among.values("pk") if among is not None else [cadre.pk for cadre in cadres]
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    counts = {
        "courses_completed": CourseCompletion.objects.filter(user__in=ids, completed_at__year=year),
        "certificates_issued": Certificate.objects.filter(
            user__in=ids, status=Certificate.Status.ISSUED, issued_at__year=year
        ),
        "training_classes": TrainingClassMember.objects.filter(
            user__in=ids, training_class__start_date__lte=last, training_class__end_date__gte=first
        ),
    }
    for name, queryset in counts.items():
        per_user = dict(queryset.order_by().values("user").annotate(n=Count("pk")).values_list("user", "n"))
        for cadre in cadres:
            setattr(cadre, name, per_user.get(cadre.pk, 0))
    return cadres


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
    required_months: list = field(default_factory=lambda: [ZERO] * 12)
    elective_months: list = field(default_factory=lambda: [ZERO] * 12)
    has_children: bool = False

    @property
    def months(self) -> list:
        """Hours earned per month, January first."""
        return [r + e for r, e in zip(self.required_months, self.elective_months, strict=True)]

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
    row.met += figures["met"]
    row.required += figures["required"]
    row.elective += figures["elective"]
    row.required_months = [a + b for a, b in zip(row.required_months, figures["required_months"], strict=True)]
    row.elective_months = [a + b for a, b in zip(row.elective_months, figures["elective_months"], strict=True)]


def unit_report(viewer, year: int, unit: Unit | None = None, language: str | None = None) -> UnitReport:
    """The year's hours per child of ``unit`` as ``viewer`` may see them, plus the cadres placed
    directly in ``unit``, totals and hours by month; without a unit, per top of what the viewer
    sees.  Raises Http404 when ``viewer`` may not see ``unit``."""
    if unit is None:
        children = list(scoping.top_units_visible_to(viewer).order_by("path"))
        trail = []
        # The tops of a unit administrator's forest may lie at different depths: name each
        # cadre's top with a CASE over the few top paths instead of a fixed-length prefix.
        group = Case(
            *[When(unit__path__startswith=child.path, then=Value(child.path)) for child in children],
            default=Value(""),
        )
        cadres = scoping.cadres_within_any(children)
    else:
        if not scoping.can_administer(viewer, unit):
            raise Http404
        children = list(unit.get_children())
        trail = list(scoping.units_visible_to(viewer).filter(path__in=unit.ancestor_paths()).order_by("depth"))
        group = Substr("unit__path", 1, len(unit.path) + Unit.steplen)
        cadres = scoping.cadres_within(unit)

    rows = {
        child.path: ReportRow(child, child.name_for(language), has_children=child.numchild > 0) for child in children
    }
    if unit is not None:
        rows[unit.path] = ReportRow(unit, _("Directly in %(unit)s") % {"unit": unit.name_for(language)}, direct=True)
    for group_value, figures in _sum_per_group(cadres, group, year).items():
        if group_value in rows:
            _add(rows[group_value], figures)

    ordered = [rows[child.path] for child in children]
    if unit is not None and rows[unit.path].cadres:
        ordered.insert(0, rows[unit.path])
    totals = ReportRow(unit, _("Total"))
    for row in ordered:
        _add(totals, vars(row))
    target, required_target = targets()
    return UnitReport(
        year=year,
        unit=unit,
        trail=trail,
        rows=ordered,
        totals=totals,
        required_by_month=totals.required_months,
        elective_by_month=totals.elective_months,
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
