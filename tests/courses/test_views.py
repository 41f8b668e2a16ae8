"""Learner pages and the heartbeat API, through the test client."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from courses import services
from courses.models import CreditEntry, Enrolment, LessonKind, LessonProgress, QuizAttempt, Viewing

from .factories import CoursePageFactory, QuizFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_page):
    return CoursePageFactory(
        home=home_page,
        lessons=[(LessonKind.VIDEO, 60), (LessonKind.READING, 30)],
        final_quiz=QuizFactory(),
        sequential=True,
        credit_type="required",
        topic="mediation",
    )


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def api(client, name, body, raw=None):
    return client.post(
        reverse(f"courses_api:{name}"),
        data=raw if raw is not None else json.dumps(body),
        content_type="application/json",
    )


def test_catalogue_filters_and_searches(client, home_page, course):
    CoursePageFactory(
        home=home_page,
        slug="digital",
        title="城市大脑实务",
        topic="digital",
        credit_hours=Decimal("0.5"),
        summary="城市大脑与网格 grid governance",
    )
    index = course.get_parent()
    response = client.get(index.url)
    assert response.status_code == 200
    assert "枫桥经验概论" in response.content.decode() and "城市大脑实务" in response.content.decode()
    response = client.get(index.url, {"topic": "digital"})
    assert "城市大脑实务" in response.content.decode() and "枫桥经验概论" not in response.content.decode()
    response = client.get(index.url, {"type": "required", "hours": "1to2"})
    assert "枫桥经验概论" in response.content.decode() and "城市大脑实务" not in response.content.decode()
    response = client.get(index.url, {"q": "grid"})
    assert "城市大脑实务" in response.content.decode() and "枫桥经验概论" not in response.content.decode()
    # A Chinese word inside a longer run of Chinese text is found too.
    response = client.get(index.url, {"q": "大脑"})
    assert "城市大脑实务" in response.content.decode() and "枫桥经验概论" not in response.content.decode()
    response = client.get(index.url, {"topic": "<script>", "hours": "999", "page": "x"})
    assert response.status_code == 200


def test_enrol_from_the_course_page_and_see_locked_lessons(signed_in, learner, course):
    response = signed_in.get(course.url)
    assert "报名" in response.content.decode() or "Enrol" in response.content.decode()
    response = signed_in.post(reverse("courses:enrol", args=[course.pk]), follow=True)
    assert response.status_code == 200
    assert Enrolment.objects.filter(user=learner, course=course, withdrawn_at__isnull=True).exists()
    second = services.course_lessons(course)[1]
    assert signed_in.get(second.url).status_code == 302  # locked: back to the course
    assert signed_in.get(services.course_lessons(course)[0].url).status_code == 200


def test_lessons_need_sign_in_and_enrolment(client, signed_in, course):
    lesson = services.course_lessons(course)[0]
    client.logout()
    assert client.get(lesson.url).status_code == 302


def test_heartbeat_api_credits_and_refuses_bad_input(signed_in, learner, course):
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    response = api(signed_in, "start_viewing", {"lesson": lesson.pk})
    assert response.status_code == 200
    token = response.json()["token"]
    ok = api(signed_in, "heartbeat", {"token": token, "seq": 1, "state": "playing", "position": 0})
    assert ok.status_code == 200 and ok.json()["credited"] == 0
    bad_bodies = [
        {"token": token, "seq": "1", "state": "playing", "position": 0},
        {"token": token, "seq": 2, "state": "flying", "position": 0},
        {"token": token, "seq": 2, "state": "playing", "position": "NaN"},
        {"token": token, "seq": 2, "state": "playing", "position": 10_000},
        {"token": token, "seq": 1, "state": "playing", "position": 1},
        {"token": "x" * 30, "seq": 2, "state": "playing", "position": 1},
        {"seq": 2},
        {"token": token, "seq": True, "state": "playing", "position": 1},
    ]
    for body in bad_bodies:
        response = api(signed_in, "heartbeat", body)
        assert response.status_code == 400, body
        assert response.json()["errors"]
    for raw in ("not json", "[1,2]", "{" * 100):
        response = api(signed_in, "heartbeat", None, raw=raw)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid"
    response = api(signed_in, "heartbeat", None, raw="{" * 5000)  # over the 4 KB a heartbeat may have
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert api(signed_in, "start_viewing", {"lesson": "x"}).status_code == 400
    assert api(signed_in, "start_viewing", {"lesson": 999999}).status_code == 404
    assert signed_in.get(reverse("courses_api:heartbeat")).status_code == 405
    assert LessonProgress.objects.get(user=learner, lesson=lesson).study_seconds == 0


def test_heartbeat_error_messages_follow_the_language(signed_in, learner, course):
    body = json.dumps({"seq": 0})
    # The API is language-neutral (no /en/ prefix); it answers in the browser's language.
    english = signed_in.post(
        reverse("courses_api:heartbeat"), data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    chinese = signed_in.post(
        reverse("courses_api:heartbeat"), data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert english.status_code == chinese.status_code == 400
    assert english.json()["errors"]["seq"] == ["The sequence number must be a positive whole number."]
    assert chinese.json()["errors"]["seq"] == ["序号必须是正整数。"]
    header = signed_in.post(
        reverse("courses_api:heartbeat"), data=body, content_type="application/json", HTTP_X_LANGUAGE="en"
    )
    assert header.json()["errors"]["seq"] == ["The sequence number must be a positive whole number."]


def test_completion_records_the_language_of_the_page_that_sent_the_heartbeat(signed_in, learner, home_page):
    from courses.models import CourseCompletion

    course = CoursePageFactory(home=home_page, slug="short", lessons=[(LessonKind.VIDEO, 10)])
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    token = api(signed_in, "start_viewing", {"lesson": lesson.pk}).json()["token"]
    viewing = Viewing.objects.get(token=token)
    Viewing.objects.filter(pk=viewing.pk).update(
        last_state="playing", last_heartbeat_at=viewing.last_heartbeat_at - datetime.timedelta(seconds=10)
    )
    response = signed_in.post(
        reverse("courses_api:heartbeat"),
        data=json.dumps({"token": token, "seq": 1, "state": "playing", "position": 10}),
        content_type="application/json",
        HTTP_X_LANGUAGE="en",
    )
    assert response.json()["completed"] is True
    assert CourseCompletion.objects.get(user=learner, course=course).language == "en"


def test_second_tab_is_told_it_was_superseded(signed_in, learner, course):
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    first = api(signed_in, "start_viewing", {"lesson": lesson.pk}).json()["token"]
    api(signed_in, "start_viewing", {"lesson": lesson.pk})
    response = api(signed_in, "heartbeat", {"token": first, "seq": 1, "state": "playing", "position": 0})
    assert response.status_code == 409 and response.json()["code"] == "superseded"
    assert Viewing.objects.filter(user=learner, active=True).count() == 1


def test_api_needs_sign_in(client, course):
    response = api(client, "heartbeat", {"token": "t" * 20, "seq": 1, "state": "playing"})
    assert response.status_code == 403


def test_quiz_page_never_contains_the_answers_and_grades_on_submit(signed_in, learner, course, clock):
    services.enrol(learner, course)
    for lesson in services.course_lessons(course):
        LessonProgress.objects.update_or_create(
            user=learner, lesson=lesson, defaults={"course": course, "status": "completed"}
        )
    response = signed_in.post(reverse("courses:start_quiz", args=[course.pk]))
    attempt = QuizAttempt.objects.get(user=learner)
    assert response.url == reverse("courses:attempt", args=[attempt.pk])
    html = signed_in.get(response.url).content.decode()
    assert "问题0" in html or "问题1" in html
    assert "is_correct" not in html and "解析" not in html and "correct" not in html.lower().replace("correctly", "")
    # Bad input: an option of another question → 400, nothing stored.
    first, second = attempt.drawn[0], attempt.drawn[1]
    bad = signed_in.post(response.url, {f"q{first['question']}": [second["choices"][0]]})
    assert bad.status_code == 400
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"
    from courses.models import Choice

    answers = {
        f"q{item['question']}": [Choice.objects.get(question_id=item["question"], is_correct=True).pk]
        for item in attempt.drawn
    }
    done = signed_in.post(response.url, answers)
    assert done.status_code == 302
    review = signed_in.get(done.url).content.decode()
    assert "解析0" in review or "解析1" in review
    assert CreditEntry.objects.filter(user=learner, source="course").exists()


def test_reading_confirmation_without_time_is_refused(signed_in, learner, home_page):
    course = CoursePageFactory(home=home_page, slug="read", lessons=[(LessonKind.READING, 120)])
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    response = signed_in.post(reverse("courses:confirm_read", args=[lesson.pk]), follow=True)
    assert response.status_code == 200
    assert not LessonProgress.objects.filter(user=learner, lesson=lesson, status="completed").exists()
    assert (
        "minimum reading time" in response.content.decode()
        or "最短阅读时间" in response.content.decode()
        or "阅读" in response.content.decode()
    )


def test_my_learning_and_exports(signed_in, learner, course):
    import datetime

    services.add_credit(
        learner, Decimal("2"), "course", "required", "枫桥经验概论", datetime.date(2026, 3, 1), reference="course:x"
    )
    services.add_credit(learner, Decimal("1"), "offline", "elective", "现场教学", datetime.date(2025, 5, 1))
    response = signed_in.get(reverse("courses:my_learning"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2025" in html and "<progress" in html
    csv_response = signed_in.get(reverse("courses:ledger_export", kwargs={"year": "2026", "fmt": "csv"}))
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "枫桥经验概论" in csv_response.content.decode("utf-8-sig")
    pdf = signed_in.get(reverse("courses:ledger_export", kwargs={"year": "2026", "fmt": "pdf"}))
    assert pdf.content.startswith(b"%PDF")
    assert signed_in.get("/learning/ledger/1999.csv").status_code == 404
    assert signed_in.get("/learning/ledger/2026.exe").status_code == 404


def test_learner_actions_refuse_bad_targets_without_errors(signed_in, learner, course, home_page):
    from tests.accounts.factories import UserFactory

    lesson = services.course_lessons(course)[0]
    assert signed_in.post(reverse("courses:enrol", args=[home_page.pk])).status_code == 404  # not a course
    assert signed_in.post(reverse("courses:enrol", args=[999999])).status_code == 404
    assert signed_in.get(reverse("courses:enrol", args=[course.pk])).status_code == 405
    assert signed_in.post(reverse("courses:confirm_read", args=[course.pk])).status_code == 404  # not a lesson
    assert (
        signed_in.post(reverse("courses:unenrol", args=[course.pk]), follow=True).status_code == 200
    )  # not enrolled: a message
    response = signed_in.post(reverse("courses:start_quiz", args=[course.pk]), follow=True)
    assert response.status_code == 200 and not QuizAttempt.objects.exists()  # lessons not done yet
    other = UserFactory()
    services.enrol(other, course)
    for done in services.course_lessons(course):
        LessonProgress.objects.create(user=other, lesson=done, course=course, status="completed")
    attempt = services.start_attempt(other, course.final_quiz, course=course)
    assert signed_in.get(reverse("courses:attempt", args=[attempt.pk])).status_code == 404
    assert signed_in.get(reverse("courses:review", args=[attempt.pk])).status_code == 404
    services.enrol(learner, course)
    token = api(signed_in, "start_viewing", {"lesson": lesson.pk}).json()["token"]
    assert api(signed_in, "end_viewing", {"token": token}).status_code == 200
    response = api(signed_in, "heartbeat", {"token": token, "seq": 1, "state": "playing", "position": 0})
    assert response.status_code == 409
    assert api(signed_in, "end_viewing", {}).status_code == 400
    second = services.course_lessons(course)[1]
    response = api(signed_in, "start_viewing", {"lesson": second.pk})
    assert response.status_code == 400 and response.json()["code"] == "locked"
