"""The unit report's charts as inline SVG drawn here (no chart library, no CDN), like the visit
statistics: the share of cadres who met the target per unit, and the year's hours per month,
required and elective stacked.  Each chart has a title and every bar its own tooltip text, so a
screen reader reads the figures; the table beside the chart holds the same numbers."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

REQUIRED_COLOUR = "#a61b1b"
ELECTIVE_COLOUR = "#e0a526"
MET_COLOUR = "#1c6b34"
GRID_COLOUR = "#e4ddd0"


def share_met_svg(rows, *, width: int = 720, chart_id: str = "unit-share-chart") -> str:
    """Horizontal bars: for each row (``label``, ``share_met``, ``met``, ``cadres``) the percent of
    cadres who met the target, with the count written beside the bar."""
    rows = list(rows)
    bar_h, gap, left, right, top = 22, 8, 220, 120, 28
    height = top + max(1, len(rows)) * (bar_h + gap) + 10
    plot_w = width - left - right
    title = _("Share of cadres who met the annual target")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title" class="unit-chart" width="100%">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for percent in (0, 25, 50, 75, 100):
        x = left + plot_w * percent / 100
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{height - 6}" stroke="{GRID_COLOUR}"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" font-size="11" fill="#555">{percent}%</text>'
        )
    for index, row in enumerate(rows):
        y = top + index * (bar_h + gap)
        w = plot_w * float(row.share_met) / 100
        label = escape(row.label if len(row.label) <= 16 else row.label[:15] + "…")
        detail = escape(
            _("%(unit)s: %(met)d of %(cadres)d cadres met the target (%(share)s%%)")
            % {"unit": row.label, "met": row.met, "cadres": row.cadres, "share": row.share_met}
        )
        parts.append(
            f'<text x="{left - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" font-size="12" fill="#1f1f1f">{label}</text>'
        )
        parts.append(
            f'<rect x="{left}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#f3efe6"><title>{detail}</title></rect>'
        )
        parts.append(
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{MET_COLOUR}"><title>{detail}</title></rect>'
        )
        parts.append(
            f'<text x="{left + plot_w + 8}" y="{y + bar_h * 0.7:.1f}" font-size="12" fill="#1f1f1f">'
            f"{row.share_met}% ({row.met}/{row.cadres})</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def monthly_hours_svg(required, elective, *, year: int, width: int = 720, height: int = 300) -> str:
    """Stacked bars of the hours earned per month: required below, elective on top."""
    left, right, top, bottom = 56, 12, 16, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [Decimal(r) + Decimal(e) for r, e in zip(required, elective, strict=True)]
    peak = float(max([*totals, Decimal(1)]))
    scale = plot_h / (peak * 1.1)
    bar_w = plot_w / 12
    title = _("Credit hours per month in %(year)d") % {"year": year}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="unit-month-chart-title" class="unit-chart" width="100%">',
        f'<title id="unit-month-chart-title">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for step in range(5):
        value = peak * 1.1 * step / 4
        y = top + plot_h - value * scale
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID_COLOUR}"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{value:,.0f}</text>'
        )
    for month in range(12):
        x = left + month * bar_w + bar_w * 0.15
        w = bar_w * 0.7
        h_r = float(required[month]) * scale
        h_e = float(elective[month]) * scale
        y_r = top + plot_h - h_r
        required_label = escape(
            _("Month %(m)d: %(h)s required hours") % {"m": month + 1, "h": f"{Decimal(required[month]):.2f}"}
        )
        elective_label = escape(
            _("Month %(m)d: %(h)s elective hours") % {"m": month + 1, "h": f"{Decimal(elective[month]):.2f}"}
        )
        parts.append(
            f'<rect x="{x:.1f}" y="{y_r:.1f}" width="{w:.1f}" height="{h_r:.1f}" fill="{REQUIRED_COLOUR}">'
            f"<title>{required_label}</title></rect>"
        )
        parts.append(
            f'<rect x="{x:.1f}" y="{y_r - h_e:.1f}" width="{w:.1f}" height="{h_e:.1f}" fill="{ELECTIVE_COLOUR}">'
            f"<title>{elective_label}</title></rect>"
        )
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12" '
            f'fill="#1f1f1f">{month + 1}</text>'
        )
    legend_y = height - 8
    parts.append(f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="{REQUIRED_COLOUR}"/>')
    parts.append(f'<text x="{left + 14}" y="{legend_y}" font-size="11">{escape(_("Required"))}</text>')
    parts.append(f'<rect x="{left + 120}" y="{legend_y - 9}" width="10" height="10" fill="{ELECTIVE_COLOUR}"/>')
    parts.append(f'<text x="{left + 134}" y="{legend_y}" font-size="11">{escape(_("Elective"))}</text>')
    parts.append("</svg>")
    return "".join(parts)
