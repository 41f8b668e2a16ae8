"""A learner's journey in Chromium: enrol, watch a video lesson until the server completes it,
read a reading lesson, pass the quiz, see the course completed and the hours in the ledger."""

import os
import time
from decimal import Decimal

import pytest
from django.test import Client
from playwright.sync_api import expect

from courses.models import CourseCompletion, CreditEntry, LessonKind, LessonProgress
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory, QuizFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("COURSES_SCREENSHOTS", "")


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    origin = page.evaluate("location.origin")
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": origin}])


def wait_until(condition, timeout=15.0):
    # page.wait_for_function evaluates a string, which the site's CSP forbids.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_learner_earns_verified_hours_end_to_end(page, home_page, settings):
    settings.COLLEGE_HEARTBEAT_INTERVAL_SECONDS = 1
    course = CoursePageFactory(
        home=home_page,
        slug="journey",
        title="枫桥经验概论",
        lessons=[(LessonKind.VIDEO, 6), (LessonKind.READING, 3)],
        final_quiz=QuizFactory(bank__questions=2, question_count=2, max_attempts=2),
        sequential=True,
        credit_hours=Decimal("2"),
        credit_type="required",
    )
    learner = UserFactory(roles=["Learners"])
    page.goto("/")
    sign_in(page, learner)

    page.goto(course.get_parent().url)
    shot(page, "catalogue")
    page.locator(".course-card a", has_text="枫桥经验概论").click()
    page.locator("form[action*='/learning/enrol/'] button").click()
    page.wait_for_selector(".lesson-list a")
    assert page.locator(".lesson-list__item--locked").count() == 1  # the reading lesson waits for the video

    page.locator(".lesson-list a").first.click()
    video = page.locator("video[data-video]")
    video.wait_for()
    wait_until(lambda: video.evaluate("v => v.readyState") >= 1)
    shot(page, "lesson-video")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_selector("[data-next]:not([hidden])", timeout=60000)  # ~6 s of playback; generous on a busy machine
    progress = LessonProgress.objects.get(user=learner, lesson__slug="journey-lesson-1")
    assert progress.status == "completed"
    assert progress.covered_seconds >= 0.9 * 6
    assert progress.study_seconds <= progress.covered_seconds + 1

    page.locator("[data-next] a").click()
    confirm = page.locator("[data-confirm-read]")
    confirm.wait_for()
    expect(confirm).to_be_enabled(timeout=20000)
    confirm.click()
    page.wait_for_selector(".messages")
    assert LessonProgress.objects.get(user=learner, lesson__slug="journey-lesson-2").status == "completed"

    page.goto(course.url)
    page.locator("form[action*='/quiz/'] button").click()
    page.wait_for_selector("fieldset.question")
    assert "is_correct" not in page.content()
    shot(page, "quiz")
    for question in page.locator("fieldset.question").all():
        question.locator("label.choice", has_text="对").locator("input").check()
    page.locator(".quiz-form button[type=submit]").click()
    page.wait_for_selector("[data-result]")
    assert page.locator(".review__explanation").count() == 2
    shot(page, "quiz-review")

    completion = CourseCompletion.objects.get(user=learner, course=course)
    assert completion.language == "zh-hans"
    assert CreditEntry.objects.get(user=learner).hours == Decimal("2.00")
    page.goto("/learning/")
    assert page.locator(".ledger-total").inner_text() == "已获 2 学时，目标 50 学时"
    assert page.locator("progress.progress--large").get_attribute("value") == "4"
    shot(page, "my-learning")
    if SHOTS:
        page.set_viewport_size({"width": 390, "height": 844})
        shot(page, "my-learning-phone")
        page.goto(course.url)
        shot(page, "course-phone")
        page.set_viewport_size({"width": 1280, "height": 900})
        shot(page, "course")


def test_player_stops_counting_when_the_page_is_hidden_or_paused(page, home_page, settings):
    settings.COLLEGE_HEARTBEAT_INTERVAL_SECONDS = 1
    course = CoursePageFactory(home=home_page, slug="hidden", lessons=[(LessonKind.VIDEO, 30)])
    learner = UserFactory(roles=["Learners"])
    from courses import services

    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    page.goto("/")
    sign_in(page, learner)
    page.goto(lesson.url)
    video = page.locator("video[data-video]")
    wait_until(lambda: video.evaluate("v => v.readyState") >= 1)
    video.evaluate("v => { v.muted = true; return v.play(); }")
    wait_until(
        lambda: LessonProgress.objects.filter(user=learner, lesson=lesson, study_seconds__gt=1).exists(), timeout=20
    )

    # The page goes to the background: the script pauses the video and reports "hidden".
    page.evaluate(
        "() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    wait_until(lambda: video.evaluate("v => v.paused"))
    from courses.models import Viewing

    wait_until(lambda: Viewing.objects.get(user=learner, active=True).last_state in ("hidden", "paused"))
    frozen = LessonProgress.objects.get(user=learner, lesson=lesson).study_seconds
    time.sleep(3)
    assert LessonProgress.objects.get(user=learner, lesson=lesson).study_seconds == frozen

    # Back in front and playing again: time counts again.
    page.evaluate(
        "() => { Object.defineProperty(document, 'hidden', {value: false, configurable: true});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    video.evaluate("v => v.play()")
    wait_until(lambda: LessonProgress.objects.get(user=learner, lesson=lesson).study_seconds > frozen + 1, timeout=20)

    # A second tab takes over: the first one is told and stops.
    other = page.context.new_page()
    other.goto(lesson.url)
    wait_until(lambda: page.locator("[data-warning]").is_visible(), timeout=20)
    assert video.evaluate("v => v.paused")
    other.close()
