"""The JSON APIs: the unit search the picker asks, and the HR API with a per-unit token."""

import json

import pytest

from college.organisations import services
from college.organisations.models import Unit, UnitApiToken, hash_token

from .factories import YEAR, CadreFactory, UnitFactory, credit

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

SEARCH = "/api/organisations/units/"


def hours_url(code, **query):
    from urllib.parse import urlencode

    return f"/api/organisations/units/{code}/hours/" + (f"?{urlencode(query)}" if query else "")


# ---------------------------------------------------------------------------
# Unit search
# ---------------------------------------------------------------------------
def test_search_finds_active_units_by_chinese_substring_with_their_parents(client, tree):
    response = client.get(SEARCH, {"q": "派出所"})
    assert response.status_code == 200
    body = response.json()
    assert [unit["code"] for unit in body["results"]] == ["DK-PCS", "FQ-PCS"]
    fq_pcs = body["results"][1]
    assert fq_pcs["label"] == "诸暨市公安局枫桥派出所"
    assert fq_pcs["parents_label"] == "浙江省 / 绍兴市 / 诸暨市 / 枫桥镇"
    assert fq_pcs["type"] == "police" and fq_pcs["type_label"] == "公安"
    Unit.objects.filter(code="DK-PCS").update(active=False)
    assert [u["code"] for u in client.get(SEARCH, {"q": "派出所"}).json()["results"]] == ["FQ-PCS"]


def test_search_answers_in_english_when_asked(client, tree):
    body = client.get(SEARCH, {"q": "司法所"}, headers={"X-Language": "en"}).json()
    assert body["results"][0]["label"] == "Fengqiao Judicial Office"
    assert body["results"][0]["parents_label"] == "Zhejiang Province / Shaoxing / Zhuji / Fengqiao Town"
    assert body["results"][0]["type_label"] == "Justice administration"


def test_search_gives_at_most_twenty_units(client, tree):
    for number in range(25):
        UnitFactory(code=f"CUN{number:02d}", name=f"枫桥第{number}村", parent=Unit.objects.get(pk=tree.fq.pk))
    assert len(client.get(SEARCH, {"q": "村"}).json()["results"]) == 20


def test_search_takes_no_more_than_three_queries(client, tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(SEARCH, {"q": "枫桥"})


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "   "}, {"q": "枫" * 51}])
def test_search_without_a_usable_text_is_a_field_error(client, tree, query):
    response = client.get(SEARCH, query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and list(body["errors"]) == ["q"]
    assert body["errors"]["q"][0]  # a message, in Chinese by default
    assert any("\u4e00" <= char <= "\u9fff" for char in body["errors"]["q"][0])


def test_search_refuses_other_methods_in_the_shared_format(client, tree):
    response = client.post(SEARCH, {"q": "枫桥"})
    assert response.status_code == 405 and response.json()["code"] == "method"


# ---------------------------------------------------------------------------
# HR API
# ---------------------------------------------------------------------------
@pytest.fixture
def fq_token(tree):
    _token, raw = services.issue_api_token(tree.fq, tree.fq_admin)
    return raw


def bearer(raw):
    return {"Authorization": f"Bearer {raw}"}


def test_the_hr_api_gives_the_subtrees_cadres_and_their_hours(client, tree, fq_token):
    response = client.get(hours_url("FQ", year=YEAR), headers=bearer(fq_token))
    assert response.status_code == 200
    body = response.json()
    assert body["unit"]["code"] == "FQ" and body["year"] == YEAR and body["count"] == 4
    by_name = {cadre["name"]: cadre for cadre in body["cadres"]}
    assert set(by_name) == {"王枫甲", "李枫乙", "张枫丙", "赵枫丁"}
    assert by_name["王枫甲"] == {
        "id": tree.wang.pk,
        "name": "王枫甲",
        "email": "wang@example.org",
        "position": "民警",
        "unit_code": "FQ-PCS",
        "unit_name": "诸暨市公安局枫桥派出所",
        "required": "35.00",
        "elective": "20.00",
        "total": "55.00",
        "met": True,
    }
    assert by_name["李枫乙"]["met"] is False and by_name["赵枫丁"]["total"] == "0.00"
    # A sub-unit of the token's unit may be asked for on its own.
    sub = client.get(hours_url("FQ-PCS", year=YEAR), headers=bearer(fq_token)).json()
    assert sorted(c["name"] for c in sub["cadres"]) == ["李枫乙", "王枫甲"]
    # The previous year is another year.
    assert {
        c["name"]: c["total"]
        for c in client.get(hours_url("FQ-PCS", year=YEAR - 1), headers=bearer(fq_token)).json()["cadres"]
    }["王枫甲"] == "3.00"


def test_the_hr_api_without_a_good_token_is_401(client, tree, fq_token):
    for headers in ({}, {"Authorization": "Token " + fq_token}, bearer("fqu_wrong"), bearer(fq_token[:-1])):
        response = client.get(hours_url("FQ", year=YEAR), headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["code"] == "auth"
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_of_one_unit_does_not_open_a_sibling_or_a_parent(client, tree, fq_token):
    for code in ("DK", "DK-PCS", "ZJS"):
        response = client.get(hours_url(code, year=YEAR), headers=bearer(fq_token))
        assert response.status_code == 403 and response.json()["code"] == "forbidden"
        assert "钱店戊" not in response.content.decode()


def test_an_unknown_unit_is_404(client, tree, fq_token):
    response = client.get(hours_url("NOPE", year=YEAR), headers=bearer(fq_token))
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.parametrize("query", [{"year": "abc"}, {"year": "1999"}, {"year": "2101"}, {"page": "0"}, {"page": "x"}])
def test_bad_parameters_are_field_errors(client, tree, fq_token, query):
    response = client.get(hours_url("FQ", **query), headers=bearer(fq_token))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(query)


def test_without_a_year_the_api_reports_this_year(client, tree, fq_token, monkeypatch):
    import datetime

    monkeypatch.setattr("college.organisations.api_views.local_today", lambda: datetime.date(YEAR, 12, 1))
    assert client.get(hours_url("FQ"), headers=bearer(fq_token)).json()["year"] == YEAR


def test_the_hr_api_pages_through_a_large_unit(client, tree, fq_token, monkeypatch):
    monkeypatch.setattr("college.organisations.api_views.HOURS_PAGE_SIZE", 3)
    first = client.get(hours_url("FQ", year=YEAR), headers=bearer(fq_token)).json()
    second = client.get(hours_url("FQ", year=YEAR, page=2), headers=bearer(fq_token)).json()
    assert (first["pages"], len(first["cadres"]), len(second["cadres"])) == (2, 3, 1)
    assert {c["id"] for c in first["cadres"]} | {c["id"] for c in second["cadres"]} == {
        tree.wang.pk,
        tree.li.pk,
        tree.zhang.pk,
        tree.zhao.pk,
    }
    beyond = client.get(hours_url("FQ", year=YEAR, page=3), headers=bearer(fq_token))
    assert beyond.status_code == 404 and list(beyond.json()["errors"]) == ["page"]


def test_the_hr_api_query_count_does_not_grow_with_cadres(client, tree, fq_token, django_assert_max_num_queries):
    for _ in range(30):
        credit(CadreFactory(unit=Unit.objects.get(pk=tree.fq_sfs.pk)), 2)
    with django_assert_max_num_queries(5):
        body = client.get(hours_url("FQ", year=YEAR), headers=bearer(fq_token)).json()
    assert body["count"] == 34


def test_tokens_are_stored_hashed_and_rotation_stops_the_old_one(client, tree):
    old, old_raw = services.issue_api_token(tree.fq, tree.fq_admin)
    assert old_raw.startswith("fqu_") and len(old_raw) > 40
    assert old.token_hash == hash_token(old_raw) and old_raw not in json.dumps(
        list(UnitApiToken.objects.values()), default=str
    )
    new, new_raw = services.issue_api_token(tree.fq, tree.fq_admin)
    assert client.get(hours_url("FQ", year=YEAR), headers=bearer(old_raw)).status_code == 401
    assert client.get(hours_url("FQ", year=YEAR), headers=bearer(new_raw)).status_code == 200
    new.refresh_from_db()
    assert new.last_used_at is not None
    assert UnitApiToken.objects.filter(unit=tree.fq, revoked_at__isnull=True).count() == 1
    services.revoke_api_token(new, tree.staff)
    assert client.get(hours_url("FQ", year=YEAR), headers=bearer(new_raw)).status_code == 401


def test_only_those_who_administer_a_unit_issue_its_token(tree):
    for person in (tree.dk_admin, tree.station_admin, tree.learner):
        with pytest.raises(services.OrganisationError):
            services.issue_api_token(tree.fq, person)
    services.issue_api_token(tree.fq_pcs, tree.fq_admin)  # a unit below one's own
    services.issue_api_token(tree.dk, tree.staff)
