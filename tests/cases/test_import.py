"""Bulk import: every row checked, a per-row report, nothing stored unless all rows are good."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.importing import template_csv
from cases.models import CasePage
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/cases/import/"


@pytest.fixture
def editor(client):
    user = UserFactory(roles=["Editors"])
    client.force_login(user)
    return user


def csv_file(rows, name="cases.csv"):
    header = "title,field,level,region,dispute_type,keywords,facts,date_released,laws,deidentified"
    body = "\n".join([header, *rows]) + "\n"
    return SimpleUploadedFile(name, body.encode("utf-8"), content_type="text/csv")


GOOD = (
    '楼上漏水纠纷,village_community,村级,zhuji,邻里纠纷,"邻里;漏水",王某家渗水。,2024-05-01,《人民调解法》第十七条,yes'
)
GOOD2 = "派出所化解欠薪,派出所,town,诸暨市,labour,劳资,工地欠薪。,2024-06-01,,是"


def test_valid_csv_is_imported_as_drafts_awaiting_review(client, library, editor):
    response = client.post(URL, {"file": csv_file([GOOD, GOOD2]), "library": library.pk})
    assert response.status_code == 200
    cases = CasePage.objects.order_by("pk")
    assert [c.title for c in cases] == ["楼上漏水纠纷", "派出所化解欠薪"]
    first = cases[0]
    assert not first.live and first.get_latest_revision() is not None
    assert first.case_number.startswith("FQAL-2024-")
    assert first.region.code == "zhuji" and first.dispute_type.code == "neighbours"
    assert first.level == "village" and first.field == "village_community"
    assert sorted(first.keyword_names()) == ["漏水", "邻里"]
    assert first.deidentified and first.laws[0].value["law"] == "《人民调解法》第十七条"
    assert cases[1].field == "police_station"
    assert "2 cases imported as drafts" in response.content.decode() or "草稿" in response.content.decode()


def test_one_bad_row_imports_nothing_and_reports_each_row(client, library, editor):
    bad = "坏行,spaceship,village,zhuji,neighbours,,事实,2024-13-01,,yes"
    no_title = ",village_community,village,,,,事实,,,"
    response = client.post(URL, {"file": csv_file([GOOD, bad, no_title]), "library": library.pk})
    assert response.status_code == 400
    assert CasePage.objects.count() == 0
    report = response.context["report"]
    assert [row.ok for row in report.rows] == [True, False, False]
    assert set(report.rows[1].errors) == {"field", "date_released"}
    assert "title" in report.rows[2].errors
    assert report.rows[1].number == 3  # the line in the file


def test_json_import_and_keyword_limit(client, library, editor):
    payload = [
        {
            "title": "网格员化解物业纠纷",
            "field": "village_community",
            "level": "town",
            "facts": "事实",
            "keywords": ["物业", "网格"],
            "deidentified": True,
        },
        {
            "title": "关键词过多",
            "field": "other",
            "level": "city",
            "facts": "事实",
            "keywords": [f"词{i}" for i in range(8)],
        },
    ]
    upload = SimpleUploadedFile(
        "cases.json", json.dumps(payload, ensure_ascii=False).encode(), content_type="application/json"
    )
    response = client.post(URL, {"file": upload, "library": library.pk})
    assert response.status_code == 400
    assert "keywords" in response.context["report"].rows[1].errors
    assert CasePage.objects.count() == 0
    upload = SimpleUploadedFile("cases.json", json.dumps(payload[:1], ensure_ascii=False).encode())
    assert client.post(URL, {"file": upload, "library": library.pk}).status_code == 200
    assert CasePage.objects.get().keyword_names() == ["物业", "网格"] or sorted(
        CasePage.objects.get().keyword_names()
    ) == ["物业", "网格"]


@pytest.mark.parametrize(
    "name, content",
    [
        ("cases.json", b"{not json"),
        ("cases.json", b'{"a": 1}'),
        ("cases.csv", "标题\n内容\n".encode()),
        ("cases.csv", b"title\n"),
        ("cases.csv", "title,field\n好,x\n".encode("utf-16")),  # neither UTF-8 nor GB18030
        ("cases.txt", b"title\nx\n"),
    ],
)
def test_unreadable_files_get_a_clear_error(client, library, editor, name, content):
    response = client.post(URL, {"file": SimpleUploadedFile(name, content), "library": library.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert CasePage.objects.count() == 0


def test_template_is_importable(client, library, editor):
    upload = SimpleUploadedFile("template.csv", template_csv())
    response = client.post(URL, {"file": upload, "library": library.pk})
    assert response.status_code == 200, response.context["report"].rows[0].errors
    assert CasePage.objects.count() == 1


def test_learners_cannot_import(client, library):
    client.force_login(UserFactory(roles=["Learners"]))
    response = client.post(URL, {"file": csv_file([GOOD]), "library": library.pk})
    assert response.status_code in (302, 403)
    assert CasePage.objects.count() == 0


def test_a_csv_saved_by_excel_on_chinese_windows_is_imported(client, library, editor):
    # Excel's "CSV (逗号分隔)" on Chinese Windows: GB18030 (the ANSI code page), no BOM, CRLF.
    header = "title,field,level,region,dispute_type,keywords,facts,date_released,laws,deidentified"
    body = "\r\n".join([header, GOOD, GOOD2]) + "\r\n"
    upload = SimpleUploadedFile("案例.csv", body.encode("gb18030"), content_type="text/csv")
    response = client.post(URL, {"file": upload, "library": library.pk})
    assert response.status_code == 200, response.context["report"].rows if response.context["report"] else response
    cases = CasePage.objects.order_by("pk")
    assert [c.title for c in cases] == ["楼上漏水纠纷", "派出所化解欠薪"]
    assert sorted(cases[0].keyword_names()) == ["漏水", "邻里"]
    assert cases[0].laws[0].value["law"] == "《人民调解法》第十七条"
