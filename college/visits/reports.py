"""Visitor statistics for the back office: per month against the year's
target, by group type, province and type of unit; as an inline SVG chart
(drawn here, no chart library or CDN) and as CSV (``college.core.spreadsheets``)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth
from django.utils.html import escape
from django.utils.translation import gettext as _

from college.core.spreadsheets import csv_bytes

from .models import PROVINCES, GroupType, Status, UnitType, VisitRequest

# Checked-in groups count with the people who actually came; approved groups
# still to come count with their booked size as "expected".
VISITED = (Status.CHECKED_IN,)
EXPECTED = (Status.APPROVED,)


def annual_target() -> int:
    return int(getattr(settings, "COLLEGE_VISITS_ANNUAL_TARGET", 100_000))


@dataclass
class YearStatistics:
    year: int
    target: int
    visitors_by_month: list = field(default_factory=lambda: [0] * 12)
    expected_by_month: list = field(default_factory=lambda: [0] * 12)
    groups_by_month: list = field(default_factory=lambda: [0] * 12)
    by_group_type: list = field(default_factory=list)  # (label, groups, visitors)
    by_province: list = field(default_factory=list)
    by_unit_type: list = field(default_factory=list)

    @property
    def visitors(self) -> int:
        return sum(self.visitors_by_month)

    @property
    def expected(self) -> int:
        return sum(self.expected_by_month)

    @property
    def groups(self) -> int:
        return sum(self.groups_by_month)

    @property
    def percent_of_target(self) -> float:
        return round(100 * self.visitors / self.target, 1) if self.target else 0.0


def _breakdown(queryset, field_name, choices):
    labels = dict(choices)
    rows = queryset.values(field_name).annotate(groups=Count("pk"), visitors=Sum("actual_headcount")).order_by()
    result = [(str(labels.get(row[field_name], _("Not given"))), row["groups"], row["visitors"] or 0) for row in rows]
    return sorted(result, key=lambda r: (-r[2], r[0]))


def year_statistics(year: int) -> YearStatistics:
    stats = YearStatistics(year=year, target=annual_target())
    in_year = VisitRequest.objects.filter(slot__date__year=year)
    visited = in_year.filter(status__in=VISITED)
    for row in (
        visited.annotate(month=ExtractMonth("slot__date"))
        .values("month")
        .annotate(people=Sum("actual_headcount"), groups=Count("pk"))
        .order_by()
    ):
        stats.visitors_by_month[row["month"] - 1] = row["people"] or 0
        stats.groups_by_month[row["month"] - 1] = row["groups"]
    for row in (
        in_year.filter(status__in=EXPECTED)
        .annotate(month=ExtractMonth("slot__date"))
        .values("month")
        .annotate(people=Sum("group_size"))
        .order_by()
    ):
        stats.expected_by_month[row["month"] - 1] = row["people"] or 0
    stats.by_group_type = _breakdown(visited, "group_type", GroupType.choices)
    stats.by_province = _breakdown(visited, "province", PROVINCES)
    stats.by_unit_type = _breakdown(visited, "unit_type", UnitType.choices)
    return stats


def month_chart_svg(stats: YearStatistics, width=720, height=300) -> str:
    """A bar chart of visitors per month (checked in, then expected) with the monthly target line."""
    left, right, top, bottom = 56, 12, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    monthly_target = stats.target / 12 if stats.target else 0
    peak = max(
        [v + e for v, e in zip(stats.visitors_by_month, stats.expected_by_month, strict=True)] + [monthly_target, 1]
    )
    scale = plot_h / (peak * 1.1)
    bar_w = plot_w / 12
    title = _("Visitors per month in %(year)d") % {"year": stats.year}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="visits-chart-title" class="visits-chart" width="100%">',
        f'<title id="visits-chart-title">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for i in range(5):  # grid lines and their labels
        value = peak * 1.1 * i / 4
        y = top + plot_h - value * scale
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4ddd0"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{int(value):,}</text>'
        )
    for month in range(12):
        x = left + month * bar_w + bar_w * 0.15
        w = bar_w * 0.7
        visited = stats.visitors_by_month[month]
        expected = stats.expected_by_month[month]
        h_v = visited * scale
        h_e = expected * scale
        y_v = top + plot_h - h_v
        visited_label = escape(_("Month %(m)d: %(n)d visitors") % {"m": month + 1, "n": visited})
        parts.append(
            f'<rect x="{x:.1f}" y="{y_v:.1f}" width="{w:.1f}" height="{h_v:.1f}" fill="#a61b1b">'
            f"<title>{visited_label}</title></rect>"
        )
        if expected:
            expected_label = escape(_("Month %(m)d: %(n)d expected") % {"m": month + 1, "n": expected})
            parts.append(
                f'<rect x="{x:.1f}" y="{y_v - h_e:.1f}" width="{w:.1f}" height="{h_e:.1f}" fill="#f6d365">'
                f"<title>{expected_label}</title></rect>"
            )
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12" fill="#1f1f1f">{month + 1}</text>'
        )
    if monthly_target:
        y = top + plot_h - monthly_target * scale
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#0b57d0" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        target_label = escape(_("Monthly share of the target: %(n)s") % {"n": f"{int(monthly_target):,}"})
        parts.append(
            f'<text x="{width - right}" y="{y - 5:.1f}" text-anchor="end" font-size="11" fill="#0b57d0">'
            f"{target_label}</text>"
        )
    legend_y = height - 8
    parts.append(f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="#a61b1b"/>')
    checked_in_label = escape(_("Visitors checked in"))
    still_to_come_label = escape(_("Approved, still to come"))
    parts.append(f'<text x="{left + 14}" y="{legend_y}" font-size="11">{checked_in_label}</text>')
    parts.append(f'<rect x="{left + 170}" y="{legend_y - 9}" width="10" height="10" fill="#f6d365"/>')
    parts.append(f'<text x="{left + 184}" y="{legend_y}" font-size="11">{still_to_come_label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def statistics_csv(stats: YearStatistics) -> bytes:
    """The statistics as CSV bytes (with a BOM, formula text neutralised): months, year, target, breakdowns."""
    rows = [
        [
            _("Month"),
            f"{stats.year}-{month + 1:02d}",
            stats.groups_by_month[month],
            stats.visitors_by_month[month],
            stats.expected_by_month[month],
        ]
        for month in range(12)
    ]
    rows.append([_("Year"), stats.year, stats.groups, stats.visitors, stats.expected])
    rows.append([_("Annual target"), stats.year, "", stats.target, ""])
    for section, breakdown in (
        (_("Group type"), stats.by_group_type),
        (_("Province"), stats.by_province),
        (_("Type of unit"), stats.by_unit_type),
    ):
        rows.extend([section, label, groups, visitors, ""] for label, groups, visitors in breakdown)
    return csv_bytes([_("Section"), _("Item"), _("Groups"), _("Visitors"), _("Expected")], rows)
