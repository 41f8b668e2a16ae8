"""The public request form (phone-friendly), its uploads and the status page."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from college.visits.models import ClosedDay, Status, VisitRequest

from .factories import VisitRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def form_data(slot_obj, size=3, **overrides):
    data = {
        "form_token": str(uuid.uuid4()),
        "slot": slot_obj.pk,
        "group_size": size,
        "organisation": "绍兴市柯桥区人民法院",
        "unit_type": "political_legal",
        "province": "浙江",
        "group_type": "inspection",
        "leader_name": "李华",
        "phone": "+86 139-0013-9000",
        "email": "lihua@example.org",
        "purpose": "考察诉源治理",
        "needs_guided_tour": "on",
        "vehicles": "1",
        "roster": "\n".join(f"成员{chr(0x4E00 + i)}" for i in range(size)),
    }
    data.update(overrides)
    return data


def xlsx(names, header=True):
    workbook = Workbook()
    sheet = workbook.active
    if header:
        sheet.append(["姓名"])
    for name in names:
        sheet.append([name])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_form_lists_open_slots_with_places_left(client, slot):
    VisitRequestFactory(slot=slot, group_size=5)
    response = client.get("/visits/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "剩余 15 个名额" in html
    assert 'name="form_token"' in html
    assert 'type="tel"' in html


def test_form_books_and_redirects_to_the_status_page(client, slot, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/visits/", form_data(slot))
    visit = VisitRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/visits/status/{visit.code}/"
    assert visit.phone == "13900139000" and visit.province == "浙江" and visit.vehicles == 1
    assert visit.language == "zh-hans"
    assert [m.to for m in mailoutbox] == [["lihua@example.org"]]
    page = client.get(response["Location"]).content.decode()
    assert visit.code in page and "待审核" in page


def test_english_form_records_english_as_the_leaders_language(client, slot):
    client.post("/en/visits/", form_data(slot))
    assert VisitRequest.objects.get().language == "en"


def test_double_click_books_once(client, slot):
    data = form_data(slot)
    first = client.post("/visits/", data)
    second = client.post("/visits/", data)
    assert VisitRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_roster_from_an_xlsx_upload(client, slot):
    data = form_data(slot, size=3, roster="")
    data["roster_file"] = SimpleUploadedFile("roster.xlsx", xlsx(["张三", "李四", "王五"]))
    response = client.post("/visits/", data)
    assert response.status_code == 302
    assert VisitRequest.objects.get().roster_names == ["张三", "李四", "王五"]


def test_roster_from_a_gbk_csv_upload(client, slot):
    data = form_data(slot, size=2, roster="")
    data["roster_file"] = SimpleUploadedFile("roster.csv", "姓名,职务\n张三,科长\n李四,科员\n".encode("gbk"))
    assert client.post("/visits/", data).status_code == 302
    assert VisitRequest.objects.get().roster_names == ["张三", "李四"]


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("roster.pdf", b"%PDF-1.4", "请以 .csv 或 .xlsx 文件上传名单"),
        ("roster.xlsx", b"not a workbook", "不是 Excel"),
        ("roster.csv", "张三\n".encode() * 40000, "太大"),
        ("roster.csv", "张三\n李四\n".encode(), "2 个姓名"),
        ("roster.csv", b"\x00\x01\x02\xff\xfe", "无法读取"),
    ],
)
def test_bad_roster_uploads_are_refused_with_a_clear_error(client, slot, filename, content, message):
    data = form_data(slot, size=3, roster="")
    data["roster_file"] = SimpleUploadedFile(filename, content)
    response = client.post("/visits/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VisitRequest.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"group_size": "0"}, "确保该值大于或等于1"),
        ({"group_size": "-2"}, "确保该值大于或等于1"),
        ({"group_size": "21", "roster": "\n".join("甲" * (i + 1) for i in range(21))}, "最多容纳 20 人"),
        ({"phone": "1234"}, "请输入有效的中国大陆手机号码"),
        ({"email": "a@"}, "合法的邮件地址"),
        ({"roster": "张三\n李四"}, "2 个姓名"),
        ({"roster": ""}, "请填写参观人员姓名"),
        ({"organisation": "<script>alert(1)</script>"}, "不要包含 HTML"),
        ({"purpose": '<a href="javascript:x">x</a>'}, "不要包含 HTML"),
        ({"slot": "999999"}, "请从开放的时段中选择"),
    ],
)
def test_bad_input_gets_field_errors_in_chinese_and_stores_nothing(client, slot, overrides, message):
    response = client.post("/visits/", form_data(slot, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VisitRequest.objects.exists()


def test_closed_day_is_a_field_error(client, slot):
    ClosedDay.objects.create(date=slot.date, reason="国庆")
    response = client.post("/en/visits/", form_data(slot))
    assert "The college is closed on this day." in response.content.decode()
    assert not VisitRequest.objects.exists()


def test_full_slot_says_how_many_places_are_left(client, slot):
    VisitRequestFactory(slot=slot, group_size=19)
    response = client.post("/en/visits/", form_data(slot, size=3))
    assert "Only 1 place is left on this slot." in response.content.decode()
    assert VisitRequest.objects.count() == 1


def test_markup_is_never_rendered_on_the_status_page(client, slot):
    visit = VisitRequestFactory(slot=slot, organisation="A & B <i>co</i>")
    html = client.get(f"/visits/status/{visit.code}/").content.decode()
    assert "<i>co</i>" not in html and "&lt;i&gt;co&lt;/i&gt;" in html


def test_status_page_of_an_approved_visit_has_the_qr_code_and_ics(client, slot):
    from icalendar import Calendar

    visit = VisitRequestFactory(slot=slot, status=Status.APPROVED, language="en")
    html = client.get(f"/en/visits/status/{visit.code}/").content.decode()
    assert "Approved" in html and "<svg" in html
    response = client.get(f"/en/visits/status/{visit.code}/visit.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == slot.start_at and event.decoded("dtend") == slot.end_at
    assert visit.code in str(event["description"])


def test_ics_of_a_pending_visit_is_not_offered(client, slot):
    visit = VisitRequestFactory(slot=slot)
    assert client.get(f"/visits/status/{visit.code}/visit.ics").status_code == 404


def test_status_lookup_by_code(client, slot):
    visit = VisitRequestFactory(slot=slot)
    response = client.get("/visits/status/", {"code": visit.code.lower()})
    assert response["Location"] == f"/visits/status/{visit.code}/"
    missing = client.get("/en/visits/status/", {"code": "ZZZZZZZZZZ"})
    assert "No request has this booking code." in missing.content.decode()
    assert client.get("/visits/status/NOSUCHCODE/").status_code == 404


def test_book_a_visit_link_is_in_the_site_navigation(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/visits/"' in html


def test_slots_are_grouped_by_day_in_time_order(client, slot, hall):
    import datetime

    from .factories import SlotFactory

    SlotFactory(hall=hall, date=slot.date, start=datetime.time(8, 0), end=datetime.time(8, 45))
    html = client.get("/visits/").content.decode()
    group = html.split(f'<optgroup label="{slot.date:%Y-%m-%d}', 1)[1].split("</optgroup>", 1)[0]
    assert group.index("08:00–08:45") < group.index("09:00–10:30")


def test_plain_text_with_angle_brackets_or_equals_is_accepted(client, slot):
    response = client.post("/visits/", form_data(slot, purpose="人数<50，conference=上午；A & B"))
    assert response.status_code == 302
    assert VisitRequest.objects.get().purpose == "人数<50，conference=上午；A & B"
