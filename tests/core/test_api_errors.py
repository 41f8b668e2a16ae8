"""Every JSON API answers its errors with the one body of docs/api.md, in the client's language.

``{"code": <word>, "errors": {<field> | "__all__": [<message>]}, ...extra}`` — driven over the
test client for each status each API can produce: visits (400, 404, 405, 409, 413, 422),
courses (400, 403, 404, 405, 409, 413), certificates (404, 405, 429), cases (400, 405, 503),
exhibits (400, 404, 405), and unknown addresses under /api/.
"""

import json
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from college.certificates import ratelimit
from courses import services as course_services
from courses.models import LessonKind
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory
from tests.visits.factories import HallFactory, SlotFactory, VisitPayloadFactory

pytestmark = pytest.mark.django_db

# The languages a client asks for, and how each API hears it.
ZH, EN = "zh-hans", "en"
ACCEPT = {ZH: {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}, EN: {"HTTP_ACCEPT_LANGUAGE": "en"}}
X_LANGUAGE = {ZH: {"HTTP_X_LANGUAGE": "zh-hans"}, EN: {"HTTP_X_LANGUAGE": "en"}}
BOTH = pytest.mark.parametrize("language", [ZH, EN])


def assert_error(response, status, code, errors, **extra):
    """The response is the shared error body with exactly these members."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": code, "errors": errors, **extra}


def post_json(client, url, body, **headers):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url, data=data, content_type="application/json", **headers)


# ---------------------------------------------------------------------------
# Visits: /api/visits/ (the mini-program; no session, no CSRF token)
# ---------------------------------------------------------------------------
VISIT_REQUESTS = "/api/visits/requests/"


def payload(slot, size, **fields):
    return VisitPayloadFactory(slot=slot.pk, group_size=size, **fields)


@pytest.fixture
def slot(db):
    return SlotFactory(hall=HallFactory(name="枫桥经验陈列馆", capacity=60), capacity=20)


@BOTH
def test_visits_400_for_a_bad_date(client, language):
    message = {ZH: "请按 YYYY-MM-DD 格式输入日期。", EN: "Enter a date as YYYY-MM-DD."}[language]
    response = client.get("/api/visits/slots/", {"from": "2026-13-01"}, **ACCEPT[language])
    assert_error(response, 400, "invalid", {"from": [message]})


@BOTH
def test_visits_400_for_a_body_that_is_not_json(client, language):
    message = {ZH: "请发送一个 JSON 对象。", EN: "Send a JSON object."}[language]
    assert_error(
        post_json(client, VISIT_REQUESTS, "not json", **ACCEPT[language]), 400, "invalid", {"__all__": [message]}
    )


@BOTH
def test_visits_404_for_an_unknown_booking_code(client, language):
    message = {ZH: "没有与此预约码对应的申请。", EN: "No request has this booking code."}[language]
    response = client.get(f"{VISIT_REQUESTS}NOPE234567/", **ACCEPT[language])
    assert_error(response, 404, "not_found", {"code": [message]})


@BOTH
def test_visits_405_names_the_allowed_method(client, language):
    message = {ZH: "请使用 POST 方法。", EN: "Use POST."}[language]
    response = client.get(VISIT_REQUESTS, **ACCEPT[language])
    assert_error(response, 405, "method", {"__all__": [message]})
    assert response["Allow"] == "POST"


@BOTH
def test_visits_409_says_how_many_places_are_left_without_a_csrf_token(slot, language):
    machine = Client(enforce_csrf_checks=True)  # the mini-program has no session and no token
    assert post_json(machine, VISIT_REQUESTS, payload(slot, 18)).status_code == 201
    message = {ZH: "该时段仅剩 2 个名额。", EN: "Only 2 places are left on this slot."}[language]
    response = post_json(machine, VISIT_REQUESTS, payload(slot, 5), **ACCEPT[language])
    assert_error(response, 409, "not_enough_places", {"slot": [message]}, places_left=2)


@BOTH
def test_visits_413_for_a_body_over_64_kb(client, slot, language):
    body = payload(slot, 2, purpose="x" * (65 * 1024))
    message = {ZH: "请求过大。", EN: "The request is too large."}[language]
    response = post_json(client, VISIT_REQUESTS, body, **ACCEPT[language])
    assert_error(response, 413, "too_large", {"__all__": [message]})


@BOTH
def test_visits_422_when_an_idempotency_key_comes_back_with_another_request(client, slot, language):
    assert post_json(client, VISIT_REQUESTS, payload(slot, 2), HTTP_IDEMPOTENCY_KEY="k-1").status_code == 201
    message = {
        ZH: "此 Idempotency-Key 已用于另一项申请。",
        EN: "This Idempotency-Key was already used for a different request.",
    }[language]
    response = post_json(client, VISIT_REQUESTS, payload(slot, 3), HTTP_IDEMPOTENCY_KEY="k-1", **ACCEPT[language])
    assert_error(response, 422, "idempotency_conflict", {"Idempotency-Key": [message]})


@BOTH
def test_visits_feed_with_an_unknown_token_is_a_json_404(client, language):
    message = {ZH: "未找到。", EN: "Not found."}[language]
    response = client.get("/api/visits/feed/no-such-token.ics", **ACCEPT[language])
    assert_error(response, 404, "not_found", {"__all__": [message]})


# ---------------------------------------------------------------------------
# Courses: /api/courses/ (lesson pages: session, CSRF token, X-Language)
# ---------------------------------------------------------------------------
@pytest.fixture
def course(home_page):
    return CoursePageFactory(home=home_page, lessons=[(LessonKind.VIDEO, 60)])


@pytest.fixture
def lesson(course):
    return course_services.course_lessons(course)[0]


@pytest.fixture
def learner_client(client, course):
    learner = UserFactory(roles=["Learners"])
    course_services.enrol(learner, course)
    client.force_login(learner)
    return client


def course_api(name):
    return reverse(f"courses_api:{name}")


@BOTH
def test_courses_400_lists_each_wrong_field(learner_client, language):
    messages = {
        ZH: ("学习会话令牌缺失或格式错误。", "序号必须是正整数。", "状态必须是 playing、paused 或 hidden。"),
        EN: (
            "The viewing token is missing or malformed.",
            "The sequence number must be a positive whole number.",
            "The state must be playing, paused or hidden.",
        ),
    }[language]
    response = post_json(learner_client, course_api("heartbeat"), {"seq": 0}, **X_LANGUAGE[language])
    token, seq, state = messages
    assert_error(response, 400, "invalid", {"token": [token], "seq": [seq], "state": [state]})


@BOTH
def test_courses_403_when_not_signed_in(client, language):
    message = {ZH: "请登录后学习。", EN: "Sign in to study."}[language]
    response = post_json(client, course_api("start_viewing"), {"lesson": 1}, **X_LANGUAGE[language])
    assert_error(response, 403, "auth", {"__all__": [message]})


@BOTH
def test_courses_403_when_the_pages_csrf_token_is_missing(lesson, language):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory(roles=["Learners"]))
    message = {ZH: "页面已过期，请刷新后重试。", EN: "The page is out of date: reload it and try again."}[language]
    response = post_json(browser, course_api("start_viewing"), {"lesson": lesson.pk}, **X_LANGUAGE[language])
    assert_error(response, 403, "csrf", {"__all__": [message]})


@BOTH
def test_courses_404_for_a_lesson_that_does_not_exist(learner_client, language):
    message = {ZH: "该课时不存在。", EN: "This lesson does not exist."}[language]
    response = post_json(learner_client, course_api("start_viewing"), {"lesson": 999999}, **X_LANGUAGE[language])
    assert_error(response, 404, "not_found", {"lesson": [message]})


@BOTH
def test_courses_405_for_a_get(learner_client, language):
    message = {ZH: "请使用 POST 方法。", EN: "Use POST."}[language]
    response = learner_client.get(course_api("heartbeat"), **X_LANGUAGE[language])
    assert_error(response, 405, "method", {"__all__": [message]})
    assert response["Allow"] == "POST"


@BOTH
def test_courses_409_when_another_tab_took_over(learner_client, lesson, language):
    first = post_json(learner_client, course_api("start_viewing"), {"lesson": lesson.pk}).json()["token"]
    post_json(learner_client, course_api("start_viewing"), {"lesson": lesson.pk})
    message = {
        ZH: "本课时已在其他窗口或设备上打开，学习时间只在那里计算。",
        EN: "This lesson was opened in another window or device; study time counts there only.",
    }[language]
    body = {"token": first, "seq": 1, "state": "playing", "position": 0}
    response = post_json(learner_client, course_api("heartbeat"), body, **X_LANGUAGE[language])
    assert_error(response, 409, "superseded", {"__all__": [message]})


@BOTH
def test_courses_413_for_a_body_over_4_kb(learner_client, language):
    message = {ZH: "请求过大。", EN: "The request is too large."}[language]
    body = {"token": "t" * 20, "seq": 1, "state": "playing", "padding": "x" * 5000}
    response = post_json(learner_client, course_api("heartbeat"), body, **X_LANGUAGE[language])
    assert_error(response, 413, "too_large", {"__all__": [message]})


# ---------------------------------------------------------------------------
# Certificates: /api/certificates/<code>/
# ---------------------------------------------------------------------------
@BOTH
def test_certificates_404_for_a_malformed_code(client, language):
    message = {ZH: "这不是有效的证书查验码。", EN: "This is not a certificate code."}[language]
    assert_error(client.get("/api/certificates/nope/", **ACCEPT[language]), 404, "not_found", {"code": [message]})


@BOTH
def test_certificates_405_for_a_post(client, language):
    message = {ZH: "请使用 GET, HEAD 方法。", EN: "Use GET, HEAD."}[language]
    response = client.post("/api/certificates/nope/", **ACCEPT[language])
    assert_error(response, 405, "method", {"__all__": [message]})
    assert response["Allow"] == "GET, HEAD"


@BOTH
def test_certificates_429_with_retry_after(client, settings, monkeypatch, language):
    settings.COLLEGE_CERTIFICATES_VERIFY_RATE = "1/60"
    # The limiter's clock stands 10 s into a minute: both requests fall in one window, 50 s remain.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 60 * 16_667 + 10.0))
    assert client.get("/api/certificates/nope/").status_code == 404
    response = client.get("/api/certificates/nope/", **ACCEPT[language])
    assert response["Retry-After"] == "50"
    message = {ZH: "查验请求过于频繁，请一分钟后再试。", EN: "Too many verification requests. Try again in a minute."}
    assert_error(response, 429, "rate_limited", {"__all__": [message[language]]}, retry_after=50)


# ---------------------------------------------------------------------------
# Cases: /api/cases/search/
# ---------------------------------------------------------------------------
CASES = "/api/cases/search/"


@pytest.fixture
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


@BOTH
def test_cases_400_for_a_bad_page(client, database_search, language):
    message = {ZH: "确保该值大于或等于1。", EN: "Ensure this value is greater than or equal to 1."}[language]
    assert_error(client.get(CASES, {"page": "0"}, **ACCEPT[language]), 400, "invalid", {"page": [message]})
    # lang= chooses the cases' language, and with it the messages'
    assert client.get(CASES, {"page": "0", "lang": language}).json()["errors"] == {"page": [message]}


@BOTH
def test_cases_405_for_a_post(client, language):
    message = {ZH: "请使用 GET, HEAD 方法。", EN: "Use GET, HEAD."}[language]
    assert_error(client.post(CASES, **ACCEPT[language]), 405, "method", {"__all__": [message]})


@BOTH
def test_cases_503_when_the_search_engine_is_down(client, settings, language):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    message = {
        ZH: "检索服务暂时不可用，请稍后再试。",
        EN: "Search is unavailable at the moment. Please try again later.",
    }[language]
    assert_error(client.get(CASES, {"q": "调解"}, **ACCEPT[language]), 503, "unavailable", {"__all__": [message]})


# ---------------------------------------------------------------------------
# Exhibits: /api/exhibits/promenade/
# ---------------------------------------------------------------------------
PROMENADE = "/api/exhibits/promenade/"


@BOTH
def test_exhibits_400_for_an_unknown_language(client, language):
    message = {ZH: "未知语言“xx”：请使用 zh-hans 或 en。", EN: "Unknown language “xx”: use zh-hans or en."}[language]
    response = client.get(PROMENADE, {"locale": "xx"}, **ACCEPT[language])
    assert_error(response, 400, "invalid", {"locale": [message]})


@BOTH
def test_exhibits_404_in_the_language_asked_for(client, language):
    message = {ZH: "这种语言还没有展览。", EN: "There is no exhibition in this language yet."}[language]
    response = client.get(PROMENADE, {"locale": language})
    assert_error(response, 404, "not_found", {"locale": [message]})


@BOTH
def test_exhibits_405_for_a_post(client, language):
    message = {ZH: "请使用 GET, HEAD 方法。", EN: "Use GET, HEAD."}[language]
    assert_error(client.post(PROMENADE, **ACCEPT[language]), 405, "method", {"__all__": [message]})


# ---------------------------------------------------------------------------
# Addresses no API has
# ---------------------------------------------------------------------------
@BOTH
@pytest.mark.parametrize("url", ["/api/visits/nothing/", "/api/courses/nothing/", "/api/certificates/a/b/"])
def test_unknown_addresses_under_an_api_are_json_404(client, url, language):
    message = {ZH: "未找到。", EN: "Not found."}[language]
    assert_error(client.get(url, **ACCEPT[language]), 404, "not_found", {"__all__": [message]})
