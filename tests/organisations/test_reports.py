"""The report by unit: figures per subtree computed in the database, in constant queries."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from college.organisations import charts, reports
from college.organisations.models import Unit
from courses import services as course_services

from .factories import YEAR, CadreFactory, UnitFactory, credit

pytestmark = pytest.mark.django_db


def rows_by_code(report):
    return {row.unit.code if not row.direct else f"{row.unit.code}*": row for row in report.rows}


def test_a_towns_report_has_a_row_per_child_and_one_for_its_own_cadres(tree):
    report = reports.unit_report(tree.fq_admin, YEAR, Unit.objects.get(pk=tree.fq.pk))
    rows = rows_by_code(report)
    assert list(rows) == ["FQ*", "FQ-PCS", "FQ-SFS"]
    pcs = rows["FQ-PCS"]
    assert (pcs.cadres, pcs.met, pcs.required, pcs.elective) == (2, 1, Decimal("45.00"), Decimal("20.00"))
    assert pcs.share_met == 50.0 and pcs.average == Decimal("32.50")
    assert pcs.months[1] == Decimal("35.00") and pcs.months[4] == Decimal("30.00")  # February; May: 20 + 10
    assert (rows["FQ*"].cadres, rows["FQ*"].total) == (1, Decimal("0.00"))
    assert (report.totals.cadres, report.totals.met, report.totals.total) == (4, 1, Decimal("70.00"))
    assert report.required_by_month[1] == Decimal("35.00") and report.elective_by_month[8] == Decimal("5.00")
    assert [unit.code for unit in report.trail] == []  # the units above are not the administrator's


def test_the_figures_agree_with_each_cadres_ledger(tree):
    extra = CadreFactory(unit=Unit.objects.get(pk=tree.fq_sfs.pk))
    credit(extra, 30, "required", on=datetime.date(YEAR, 1, 2))
    credit(extra, 25, "elective", on=datetime.date(YEAR, 12, 31))
    report = reports.unit_report(tree.staff, YEAR, Unit.objects.get(pk=tree.zj.pk))
    cadres = list(reports.with_year_hours(get_user_model().objects.filter(unit__isnull=False), YEAR))
    for cadre in cadres:
        summary = course_services.year_summary(cadre, YEAR)
        assert (cadre.required, cadre.elective, cadre.total, cadre.met) == (
            summary["required"],
            summary["elective"],
            summary["total"],
            summary["met"],
        ), cadre.real_name
    assert report.totals.cadres == len(cadres) == 7
    assert report.totals.total == sum(c.total for c in cadres)
    assert report.totals.met == sum(c.met for c in cadres) == 2


def test_the_top_of_the_report_is_what_the_viewer_sees(tree):
    staff_top = reports.unit_report(tree.staff, YEAR)
    assert [row.unit.code for row in staff_top.rows] == ["ZJ"]
    assert staff_top.totals.cadres == 6
    admin_top = reports.unit_report(tree.fq_admin, YEAR)
    assert [row.unit.code for row in admin_top.rows] == ["FQ"]
    assert admin_top.totals.cadres == 4 and admin_top.totals.total == Decimal("70.00")


def test_a_report_drills_down_from_the_province(tree):
    codes = []
    unit = Unit.objects.get(pk=tree.zj.pk)
    while unit is not None:
        report = reports.unit_report(tree.staff, YEAR, unit)
        codes.append(unit.code)
        with_children = [row for row in report.rows if row.has_children and not row.direct]
        unit = Unit.objects.get(pk=with_children[0].unit.pk) if with_children else None
    assert codes == ["ZJ", "SX", "ZJS", "DK"]  # DK sorts before FQ
    assert [t.code for t in reports.unit_report(tree.staff, YEAR, Unit.objects.get(pk=tree.fq.pk)).trail] == [
        "ZJ",
        "SX",
        "ZJS",
    ]


def test_the_target_settings_decide_who_met_it(tree, settings):
    settings.COLLEGE_ANNUAL_CREDIT_TARGET = 10
    settings.COLLEGE_ANNUAL_REQUIRED_TARGET = 10
    report = reports.unit_report(tree.fq_admin, YEAR, Unit.objects.get(pk=tree.fq.pk))
    assert rows_by_code(report)["FQ-PCS"].met == 2  # 李枫乙's 10 required hours now suffice


def _city_with(cadres_per_unit, towns=3, units_per_town=3):
    city = UnitFactory(code=f"C{cadres_per_unit}", name="测试市")
    for t in range(towns):
        town = UnitFactory(code=f"C{cadres_per_unit}-T{t}", parent=Unit.objects.get(pk=city.pk))
        for u in range(units_per_town):
            unit = UnitFactory(code=f"C{cadres_per_unit}-T{t}-U{u}", parent=Unit.objects.get(pk=town.pk))
            for n in range(cadres_per_unit):
                cadre = CadreFactory(unit=unit, verified_email=False)
                credit(cadre, 1 + n % 7, "required" if n % 2 else "elective", on=datetime.date(YEAR, 1 + n % 12, 5))
    return Unit.objects.get(pk=city.pk)


def test_the_report_costs_the_same_queries_for_few_and_many_cadres(tree, django_assert_num_queries):
    """Constant SQL: the city's figures are summed per path prefix in the database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 12):
        city = _city_with(size)
        viewer = get_user_model().objects.get(pk=tree.staff.pk)  # no permissions cached yet
        with CaptureQueriesContext(connection) as queries:
            report = reports.unit_report(viewer, YEAR, city)
        counts.append(len(queries))
        assert report.totals.cadres == 9 * size
    assert counts[0] == counts[1] <= 6, counts
    # A unit administrator's report is as cheap (the grants are matched inside the same queries).
    admin_counts = []
    for code in ("C1", "C12"):
        from .factories import UnitAdministratorFactory

        grant = UnitAdministratorFactory(unit=Unit.objects.get(code=code))
        viewer = get_user_model().objects.get(pk=grant.user.pk)
        with CaptureQueriesContext(connection) as queries:
            report = reports.unit_report(viewer, YEAR, Unit.objects.get(code=code))
        admin_counts.append(len(queries))
    assert admin_counts[0] == admin_counts[1] <= 8, admin_counts
    assert report.totals.cadres == 9 * 12


def test_the_admin_report_page_costs_the_same_queries_for_few_and_many_cadres(tree, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(tree.staff)
    counts = []
    for size in (1, 12):
        city = _city_with(size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/organisations/report/", {"unit": city.code, "year": YEAR})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_export_has_a_row_per_unit_with_months_and_totals(tree):
    report = reports.unit_report(tree.fq_admin, YEAR, Unit.objects.get(pk=tree.fq.pk))
    headers, rows = reports.report_table(report)
    assert len(headers) == 9 + 12
    assert [row[0] for row in rows][-1] in ("合计", "Total")
    pcs = next(row for row in rows if row[1] == "FQ-PCS")
    assert pcs[2:8] == [2, 1, 50.0, Decimal("45.00"), Decimal("20.00"), Decimal("65.00")]


def test_the_charts_are_svg_with_a_title_and_every_figure(tree):
    report = reports.unit_report(tree.fq_admin, YEAR, Unit.objects.get(pk=tree.fq.pk))
    share = charts.share_met_svg(report.rows)
    assert share.startswith("<svg") and share.endswith("</svg>") and "<title" in share
    assert "50.0% (1/2)" in share
    month = charts.monthly_hours_svg(report.required_by_month, report.elective_by_month, year=YEAR)
    assert month.count("<rect") >= 24 and "35.00" in month
    assert "<script" not in share + month and "http" not in (share + month).replace("http://www.w3.org/2000/svg", "")
