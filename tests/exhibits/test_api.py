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
