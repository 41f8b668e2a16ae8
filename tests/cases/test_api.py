"""GET /api/cases/search/: the contract other clients rely on."""

import datetime

import pytest

from .factories import CasePageFactory
from .test_search_contract import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db
URL = "/api/cases/search/"


@pytest.fixture
def cases(library):
    return [
        CasePageFactory(
            parent=library,
            title="楼上漏水引发邻里纠纷",
            subtitle="调解员三次上门",
            keywords=["邻里", "漏水"],
            field="village_community",
            level="village",
            region_code="zhuji",
            dispute_type_code="neighbours",
            date_released=datetime.date(2024, 5, 1),
        ),
        CasePageFactory(
            parent=library,
            title="派出所调解劳资纠纷",
            keywords=["劳资"],
            field="police_station",
            level="town",
            region_code="zhuji",
            dispute_type_code="labour",
            date_released=datetime.date(2025, 5, 1),
        ),
    ]


def test_response_has_the_documented_shape(client, cases):
    response = client.get(URL, {"q": "漏水"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (result,) = body["results"]
    assert {"title", "subtitle", "url", "case_number", "highlight"} <= set(result)
    assert result["title"] == "楼上漏水引发邻里纠纷"
    assert result["case_number"] == cases[0].case_number
    assert result["url"] == cases[0].url
    assert "<mark>漏水</mark>" in result["highlight"]["title"]
    assert {"field", "level", "region", "dispute_type", "year"} <= set(body["facets"])
    assert (
        body["facets"]["field"] == [{"value": "village_community", "label": "村（社区）", "count": 1}]
        or body["facets"]["field"][0]["count"] == 1
    )


def test_filters_sort_and_page_parameters(client, cases):
    body = client.get(URL, {"region": "zhuji", "dispute_type": "labour", "year": "2025"}).json()
    assert [r["title"] for r in body["results"]] == ["派出所调解劳资纠纷"]
    body = client.get(URL, {"q": "纠纷", "sort": "oldest"}).json()
    assert [r["title"] for r in body["results"]] == ["楼上漏水引发邻里纠纷", "派出所调解劳资纠纷"]
    body = client.get(URL, {"keyword": "劳资", "field": "police_station", "level": "town", "page": "1"}).json()
    assert body["count"] == 1
    body = client.get(URL, {"page": "2"}).json()
    assert body["count"] == 2 and body["results"] == []


@pytest.mark.parametrize(
    "params, field",
    [
        ({"field": "spaceship"}, "field"),
        ({"level": "planet"}, "level"),
        ({"region": "atlantis"}, "region"),
        ({"dispute_type": "duel"}, "dispute_type"),
        ({"year": "twenty"}, "year"),
        ({"sort": "random"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "99999999999999999999"}, "page"),
        ({"keyword": "词" * 80}, "keyword"),
    ],
)
def test_bad_parameters_get_a_400_with_field_errors(client, cases, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_errors_are_in_the_request_language(client, cases):
    chinese = client.get(URL, {"page": "0"}, HTTP_ACCEPT_LANGUAGE="zh-hans").json()["errors"]["page"][0]
    english = client.get(URL, {"page": "0", "lang": "en"}).json()["errors"]["page"][0]
    assert "1" in chinese and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    assert english.startswith("Ensure this value is greater than")


def test_english_cases_through_lang_parameter(client, cases, english_home):
    from wagtail.models import Locale

    english = cases[0].copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Upstairs leak"
    english.save_revision().publish()
    body = client.get(URL, {"q": "leak", "lang": "en"}).json()
    assert [r["title"] for r in body["results"]] == ["Upstairs leak"]
    assert body["results"][0]["url"].startswith("/en/")
    assert body["facets"]["region"][0]["label"] == "Zhuji"


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_get_an_answer_not_a_500(client, cases, text):
    response = client.get(URL, {"q": text})
    if "\x00" in text:
        # NUL characters are refused at the edge for every page and API (docs/api.md).
        assert response.status_code == 400
        assert response.json() == {"code": "invalid", "errors": {"__all__": ["请求无法识别。"]}}
    else:
        assert response.status_code == 200
        assert response.json()["count"] >= 0


def test_only_get_is_allowed(client, cases):
    assert client.post(URL, {"q": "调解"}).status_code == 405
