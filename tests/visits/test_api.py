"""The JSON API as specified, and its OpenAPI description."""

import datetime
import json

import pytest

from college.visits.models import ClosedDay, Slot, Status, VisitRequest, local_today

from .factories import SlotFactory, VisitPayloadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def post(client, payload, key=None, lang="zh-hans", raw=None):
    headers = {"HTTP_ACCEPT_LANGUAGE": lang}
    if key:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    body = raw if raw is not None else json.dumps(payload)
    return client.post("/api/visits/requests/", body, content_type="application/json", **headers)


def test_slots_lists_bookable_slots_with_places_left_in_shanghai_time(client, slot, hall):
    SlotFactory(hall=hall, date=local_today() + datetime.timedelta(days=1))  # inside the minimum notice
    closed = SlotFactory(hall=hall, date=slot.date + datetime.timedelta(days=1))
    ClosedDay.objects.create(date=closed.date)
    full = SlotFactory(hall=hall, date=slot.date, start=datetime.time(14), end=datetime.time(15), capacity=3)
    post(client, VisitPayloadFactory(slot=full.pk, group_size=3))
    post(client, VisitPayloadFactory(slot=slot.pk, group_size=5))
    day = slot.date.isoformat()
    response = client.get(f"/api/visits/slots/?from={day}&to={(slot.date + datetime.timedelta(days=3)).isoformat()}")
    assert response.status_code == 200
    assert response.json() == {
        "results": [
            {
                "id": slot.pk,
                "start": f"{day}T09:00:00+08:00",
                "end": f"{day}T10:30:00+08:00",
                "hall": "枫桥经验陈列馆",
                "capacity": 20,
                "places_left": 15,
            }
        ]
    }


@pytest.mark.parametrize(
    "query, field",
    [
        ("from=2026-13-01", "from"),
        ("from=yesterday", "from"),
        ("from=2026-05-10&to=2026-05-01", "to"),
        ("from=2026-01-01&to=2026-12-31", "to"),
    ],
)
def test_slots_with_bad_dates_get_field_errors(client, query, field):
    response = client.get(f"/api/visits/slots/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_create_request_returns_201_with_code_and_pending(client, slot, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, VisitPayloadFactory(slot=slot.pk, group_size=4), lang="en")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "pending" and len(body["code"]) == 10
    assert body["slot"]["places_left"] == 16
    visit = VisitRequest.objects.get(code=body["code"])
    assert visit.language == "en" and visit.group_size == 4 and len(visit.roster_names) == 4
    assert mailoutbox[0].to == ["leader@example.org"] and body["code"] in mailoutbox[0].subject


def test_status_endpoint_shows_the_request(client, slot):
    code = post(client, VisitPayloadFactory(slot=slot.pk, group_size=2)).json()["code"]
    response = client.get(f"/api/visits/requests/{code}/")
    assert response.status_code == 200 and response.json()["status"] == "pending"
    assert "phone" not in response.json()
    missing = client.get("/api/visits/requests/NOPE234567/")
    assert missing.status_code == 404
    assert missing.json() == {"code": "not_found", "errors": {"code": ["没有与此预约码对应的申请。"]}}


def test_too_few_places_gives_409_with_places_left(client, slot):
    assert post(client, VisitPayloadFactory(slot=slot.pk, group_size=18)).status_code == 201
    response = post(client, VisitPayloadFactory(slot=slot.pk, group_size=5), lang="en")
    assert response.status_code == 409
    assert response.json() == {
        "code": "not_enough_places",
        "errors": {"slot": ["Only 2 places are left on this slot."]},
        "places_left": 2,
    }
    assert VisitRequest.objects.count() == 1


def test_idempotency_key_makes_a_retry_return_the_same_request(client, slot):
    first = post(client, VisitPayloadFactory(slot=slot.pk, group_size=3), key="abc-123")
    again = post(client, VisitPayloadFactory(slot=slot.pk, group_size=3), key="abc-123")
    assert first.status_code == 201 and again.status_code == 200
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["code"] == again.json()["code"]
    assert VisitRequest.objects.count() == 1
    other = post(client, VisitPayloadFactory(slot=slot.pk, group_size=4), key="abc-123")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_conflict" and other.json()["errors"]["Idempotency-Key"]
    assert VisitRequest.objects.count() == 1


BAD_INPUT = [
    ({"group_size": 0, "roster": []}, "group_size"),
    ({"group_size": -3, "roster": []}, "group_size"),
    ({"group_size": 21}, "group_size"),
    ({"group_size": "three"}, "group_size"),
    ({"group_size": True}, "group_size"),
    ({"phone": "12345"}, "phone"),
    ({"phone": "1380013800a"}, "phone"),
    ({"phone": 13800138000}, "phone"),
    ({"email": "not-an-email"}, "email"),
    ({"email": ""}, "email"),
    ({"roster": ["一", "二"]}, "roster"),
    ({"roster": "王明"}, "roster"),
    ({"roster": None}, "roster"),
    ({"roster": ["a\nb", "c", "d"]}, "roster"),
    ({"roster": ["<script>", "b", "c"]}, "roster"),
    ({"organisation": "<script>alert(1)</script>"}, "organisation"),
    ({"leader_name": "<b>王</b>"}, "leader_name"),
    ({"purpose": "<img src=x onerror=alert(1)>"}, "purpose"),
    ({"organisation": ""}, "organisation"),
    ({"organisation": ["x"]}, "organisation"),
    ({"organisation": "单" * 121}, "organisation"),
    ({"group_type": "party"}, "group_type"),
    ({"slot": 999999}, "slot"),
    ({"slot": "x"}, "slot"),
    ({"slot": None}, "slot"),
    ({"vehicles": -1}, "vehicles"),
    ({"province": "火星"}, "province"),
    ({"needs_briefing": "yes"}, "needs_briefing"),
]


@pytest.mark.parametrize("change, field", BAD_INPUT)
def test_bad_input_gets_field_errors_and_stores_nothing(client, slot, change, field):
    payload = VisitPayloadFactory(slot=slot.pk, group_size=3)
    payload.update(change)
    response = post(client, payload, lang="en")
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert field in errors and all(isinstance(m, str) and m for m in errors[field])
    assert not VisitRequest.objects.exists()


def test_errors_come_in_the_requests_language(client, slot):
    payload = VisitPayloadFactory(slot=slot.pk, group_size=3, phone="123")
    zh = post(client, payload, lang="zh-hans").json()["errors"]["phone"][0]
    en = post(client, payload, lang="en").json()["errors"]["phone"][0]
    assert en.startswith("Enter a valid mainland China mobile number")
    assert zh != en


@pytest.mark.parametrize("days", [-3, 0, 1, 75])
def test_slot_in_the_past_or_outside_the_window_is_a_field_error(client, hall, days):
    slot = SlotFactory(hall=hall, date=local_today() + datetime.timedelta(days=days))
    response = post(client, VisitPayloadFactory(slot=slot.pk, group_size=2), lang="en")
    assert response.status_code == 400
    assert "slot" in response.json()["errors"]
    assert not VisitRequest.objects.exists()


def test_slot_on_a_closed_day_is_a_field_error(client, slot):
    ClosedDay.objects.create(date=slot.date, reason="春节")
    response = post(client, VisitPayloadFactory(slot=slot.pk, group_size=2), lang="en")
    assert response.status_code == 400
    assert response.json()["errors"]["slot"] == ["The college is closed on this day."]


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", '"text"', "\xff\xfe"])
def test_malformed_bodies_are_400(client, slot, raw):
    response = post(client, None, raw=raw)
    assert response.status_code == 400 and "__all__" in response.json()["errors"]


def test_too_long_idempotency_key_is_400(client, slot):
    response = post(client, VisitPayloadFactory(slot=slot.pk), key="k" * 101)
    assert response.status_code == 400
    assert not VisitRequest.objects.exists()


def test_only_post_is_allowed_on_requests(client):
    assert client.get("/api/visits/requests/").status_code == 405


def test_openapi_schema_describes_every_endpoint(client):
    from django.urls import get_resolver

    response = client.get("/api/visits/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/slots/", "/requests/", "/requests/{code}/", "/feed/{token}.ics", "/openapi.json"}
    # every route of api_urls.py is described, and every described route exists
    from college.visits import api_urls

    routes = {
        "/" + str(p.pattern).replace("<str:code>", "{code}").replace("<str:token>", "{token}")
        for p in api_urls.urlpatterns
    }
    assert routes == set(schema["paths"])
    post_op = schema["paths"]["/requests/"]["post"]
    assert {"201", "400", "409", "413", "422"} <= set(post_op["responses"])
    # every error is described with the site's one error body
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["code", "errors"]
    for path in schema["paths"].values():
        for operation in path.values():
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.rsplit("/", 1)[-1] in {"Error", "NotEnoughPlaces"}, (status, ref)
    required = set(schema["components"]["schemas"]["NewVisitRequest"]["required"])
    assert required == {"slot", "organisation", "group_type", "leader_name", "phone", "email", "group_size", "roster"}
    assert get_resolver  # imported to make sure URL loading works
    # every $ref resolves
    refs = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    refs.add(value.rsplit("/", 1)[-1])
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    assert refs <= set(schema["components"]["schemas"])


def test_slot_list_and_status_survive_declines(client, slot):
    code = post(client, VisitPayloadFactory(slot=slot.pk, group_size=20)).json()["code"]
    assert client.get("/api/visits/slots/").json()["results"] == []
    from college.visits import services

    services.decline(VisitRequest.objects.get(code=code), "满员")
    assert client.get(f"/api/visits/requests/{code}/").json()["status"] == Status.DECLINED
    assert [s["id"] for s in client.get("/api/visits/slots/").json()["results"]] == [slot.pk]
    assert Slot.objects.count() == 1
