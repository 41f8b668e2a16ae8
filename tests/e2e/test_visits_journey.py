"""A group leader asks for a visit from a phone, reception staff approve it in
the Wagtail admin, and the leader's status page shows it approved."""

import re

import pytest

from college.visits.models import Status, VisitRequest
from tests.accounts.factories import PASSWORD, UserFactory
from tests.visits.factories import HallFactory, SlotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_asks_staff_approve_status_shows_approved(browser, live_server, home_page, tmp_path):
    hall = HallFactory(name="枫桥经验陈列馆", capacity=60)
    slot = SlotFactory(hall=hall, capacity=30)
    staff = UserFactory(email="reception@example.org", roles=["Reception staff"])

    # The leader, on a phone.
    phone = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    leader = phone.new_page()
    leader.set_default_timeout(15000)
    leader.goto("/")
    leader.get_by_role("link", name="预约参观").first.click()
    leader.wait_for_url("**/visits/")
    assert "剩余 30 个名额" in leader.locator("#id_slot").inner_text()
    leader.select_option("#id_slot", str(slot.pk))
    leader.fill("#id_group_size", "3")
    leader.fill("#id_organisation", "诸暨市人民法院")
    leader.select_option("#id_group_type", "study")
    leader.fill("#id_leader_name", "王明")
    leader.fill("#id_phone", "138 0013 8000")
    leader.fill("#id_email", "wangming@example.org")
    leader.fill("#id_roster", "王明\n李华")
    assert "已填写 2 人，团组人数 3 人" in leader.locator(".roster-count").inner_text()
    leader.get_by_role("button", name="提交申请").click()
    # the roster does not match: a clear field error, nothing stored
    assert "名单共有 2 个姓名，但团组人数为 3 人" in leader.locator(".errorlist").first.inner_text()
    assert VisitRequest.objects.count() == 0
    leader.fill("#id_roster", "王明\n李华\n张强")
    leader.get_by_role("button", name="提交申请").click()
    leader.wait_for_url(re.compile(r".*/visits/status/[A-Z0-9]+/$"))
    assert leader.locator("[data-status]").get_attribute("data-status") == "pending"
    leader.screenshot(path=str(tmp_path / "status-phone.png"), full_page=True)
    status_url = leader.url
    visit = VisitRequest.objects.get()
    assert visit.group_size == 3 and visit.phone == "13800138000"

    # Reception staff, at a desk.
    desk = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    admin.set_default_timeout(15000)
    admin.goto("/admin/")
    admin.wait_for_url("**/accounts/login/**")
    admin.fill("input[name=login]", staff.email)
    admin.fill("input[name=password]", PASSWORD)
    admin.locator("form button[type=submit]").last.click()
    admin.wait_for_url("**/admin/**")
    admin.goto("/admin/visits_requests/?status=pending")
    admin.get_by_role("link", name=visit.code).click()
    admin.wait_for_url(f"**/admin/visits/request/{visit.pk}/")
    admin.get_by_role("button", name="批准").click()
    admin.wait_for_url(f"**/admin/visits/request/{visit.pk}/")
    assert admin.locator("[data-status]").first.get_attribute("data-status") == "approved"
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.APPROVED

    # The leader reloads the status page.
    leader.goto(status_url)
    assert leader.locator("[data-status]").get_attribute("data-status") == "approved"
    assert "已批准" in leader.locator(".visit-status").inner_text()
    assert leader.locator(".visit-qr svg").count() == 1
    assert leader.get_by_role("link", name="添加到我的日历（.ics）").is_visible()
    phone.close()
    desk.close()
