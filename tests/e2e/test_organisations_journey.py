"""Unit administrators and learners in the browser: an administrator opens their back office and
sees their cadres (and nothing of a sibling unit); a learner picks their unit at sign-up by
typing part of its name."""

import datetime
import re

import pytest

from college.accounts.models import User
from college.organisations import services
from college.organisations.models import Unit
from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisations.factories import CadreFactory, UnitAdministratorFactory, credit

from .axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = 2026


def build_tree():
    zhuji = services.create_unit(None, code="330681", name="诸暨市", name_en="Zhuji")
    fengqiao = services.create_unit(zhuji, code="330681-FQ", name="枫桥镇", name_en="Fengqiao Town")
    diankou = services.create_unit(Unit.objects.get(pk=zhuji.pk), code="330681-DK", name="店口镇")
    fengqiao = Unit.objects.get(pk=fengqiao.pk)
    station = services.create_unit(fengqiao, code="330681-FQ-PCS", name="诸暨市公安局枫桥派出所")
    office = services.create_unit(Unit.objects.get(pk=fengqiao.pk), code="330681-FQ-SFS", name="枫桥镇司法所")
    return {"fengqiao": Unit.objects.get(pk=fengqiao.pk), "diankou": diankou, "station": station, "office": office}


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_a_unit_administrator_opens_the_back_office_and_sees_their_cadres(page, live_server, home_page, tmp_path):
    units = build_tree()
    wang = CadreFactory(real_name="王枫甲", unit=units["station"])
    credit(wang, 35, "required", on=datetime.date(YEAR, 3, 1))
    credit(wang, 20, "elective", on=datetime.date(YEAR, 4, 1))
    li = CadreFactory(real_name="李枫乙", unit=units["office"])
    credit(li, 12, "required", on=datetime.date(YEAR, 5, 1))
    stranger = CadreFactory(real_name="钱店戊", unit=units["diankou"])
    credit(stranger, "37.25", "required", on=datetime.date(YEAR, 5, 1))
    admin = UnitAdministratorFactory(unit=units["fengqiao"], user=UserFactory(real_name="陈镇管", work_unit="")).user

    sign_in(page, admin.email)
    page.goto("/admin/")
    page.get_by_role("button", name="单位管理").click()
    page.get_by_role("link", name="干部").click()
    page.wait_for_url("**/admin/organisations/cadres/")
    page.fill("#id_year", str(YEAR))
    page.get_by_role("button", name="显示").click()
    page.wait_for_url(re.compile(r".*/admin/organisations/cadres/\?.*year=2026.*"))
    table = page.locator("table.org-cadres").inner_text()
    assert "王枫甲" in table and "55.00" in table and "已达标" in table
    assert "李枫乙" in table and "12.00" in table and "未达标" in table
    shown = page.locator("body").inner_text()  # what the administrator reads (icons' path data aside)
    assert "钱店戊" not in shown and "37.25" not in shown
    page.screenshot(path=str(tmp_path / "cadres.png"), full_page=True)

    # Narrow to the police station with the unit filter.
    page.select_option("#id_unit", "330681-FQ-PCS")
    page.get_by_role("button", name="显示").click()
    page.wait_for_url(re.compile(r".*unit=330681-FQ-PCS.*"))
    table = page.locator("table.org-cadres").inner_text()
    assert "王枫甲" in table and "李枫乙" not in table

    # The report by unit, drilled down from the town; its charts are drawn on the page.
    page.goto(f"/admin/organisations/report/?year={YEAR}")
    page.get_by_role("link", name="枫桥镇").first.click()
    page.wait_for_url(re.compile(r".*unit=330681-FQ.*"))
    report = page.locator("table.org-report").inner_text()
    assert "诸暨市公安局枫桥派出所" in report and "枫桥镇司法所" in report and "67.00" in report
    assert page.locator("figure.org-chart svg").count() == 2
    assert serious_violations(page) == []


def test_a_learner_picks_their_unit_at_sign_up_by_typing(page, live_server, home_page):
    build_tree()
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", "new-cadre@example.org")
    page.fill("input[name=real_name]", "周新")
    search = page.get_by_role("combobox", name="单位")
    search.fill("司法")
    option = page.get_by_role("option", name=re.compile("枫桥镇司法所"))
    option.wait_for()
    assert "诸暨市 / 枫桥镇" in option.inner_text()
    assert page.get_by_role("option").count() == 1
    option.click()
    assert search.input_value() == "枫桥镇司法所"
    assert page.eval_on_selector("select[name=unit]", "select => select.value") == "330681-FQ-SFS"
    # The keyboard works too: type, arrow down, Enter.
    search.fill("派出")
    page.get_by_role("option", name=re.compile("枫桥派出所")).wait_for()
    search.press("ArrowDown")
    search.press("Enter")
    assert page.eval_on_selector("select[name=unit]", "select => select.value") == "330681-FQ-PCS"
    assert serious_violations(page) == []
    page.fill("input[name=password1]", "Fengqiao-1963-maple")
    page.fill("input[name=password2]", "Fengqiao-1963-maple")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/.*"))
    user = User.objects.get(email="new-cadre@example.org")
    assert user.unit.code == "330681-FQ-PCS" and user.work_unit == "诸暨市公安局枫桥派出所"


def test_without_javascript_the_unit_is_a_plain_select(browser, live_server, home_page):
    build_tree()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", "plain@example.org")
    page.fill("input[name=real_name]", "吴朴")
    page.select_option("select[name=unit]", "330681-FQ-SFS")
    page.fill("input[name=password1]", "Fengqiao-1963-maple")
    page.fill("input[name=password2]", "Fengqiao-1963-maple")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert User.objects.get(email="plain@example.org").unit.code == "330681-FQ-SFS"
    context.close()
