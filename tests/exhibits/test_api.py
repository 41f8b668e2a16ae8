import pytest

pytestmark = pytest.mark.django_db


def test_exhibit_fields_are_exposed_in_the_wagtail_api(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    exhibit = exhibits[3]
    response = client.get(f"/api/v2/pages/{exhibit.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "exhibits.ExhibitPage"
    assert data["date_start"] == exhibit.date_start.isoformat()
    assert data["date_precision"] == "year"
    assert data["theme_slugs"] == ["rule-of-law"]
    assert data["summary"] == "展品摘要"
    assert data["body"] == []
    assert data["related_cases"] == [] and data["related_courses"] == []


def test_exhibits_can_be_listed_by_type_and_locale_with_their_fields(client, small_exhibition):
    response = client.get(
        "/api/v2/pages/",
        {"type": "exhibits.ExhibitPage", "fields": "date_start,place,theme_slugs", "locale": "zh-hans"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 9
    assert {"date_start", "place", "theme_slugs"} <= set(items[0])


def test_era_and_exhibition_fields_are_exposed(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    data = client.get(f"/api/v2/pages/{eras[0].pk}/").json()
    assert (data["year_from"], data["year_to"]) == (eras[0].year_from, eras[0].year_to)
    data = client.get(f"/api/v2/pages/{exhibition.pk}/").json()
    assert data["intro"] == "<p>展览简介</p>"
    assert data["milestones"] == []


def test_promenade_endpoint_gives_the_walking_order(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    response = client.get("/api/exhibits/promenade/", {"locale": "zh-hans"})
    assert response.status_code == 200
    data = response.json()
    assert [item["id"] for item in data["exhibits"]] == [exhibit.pk for exhibit in exhibits]
    assert data["exhibits"][2]["next_id"] == exhibits[3].pk
    assert data["exhibits"][0]["previous_id"] is None and data["exhibits"][-1]["next_id"] is None
    assert [hall["number"] for hall in data["halls"]] == [1, 2, 3]
    assert data["halls"][1]["exhibit_ids"] == [exhibit.pk for exhibit in exhibits[3:6]]
    assert data["exhibits"][4]["url"] == exhibits[4].url


@pytest.mark.parametrize(
    "locale, status, message",
    [("xx", 400, "未知语言“xx”"), ("en", 404, "There is no exhibition in this language yet.")],
)
def test_promenade_endpoint_explains_bad_input(client, small_exhibition, locale, status, message):
    response = client.get("/api/exhibits/promenade/", {"locale": locale})
    assert response.status_code == status
    assert message in response.json()["errors"]["locale"][0]
