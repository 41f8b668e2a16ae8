"""Enrolment, sequential unlock, course progress, completion recorded once and announced once."""

from decimal import Decimal

import pytest
from django.db import IntegrityError

from courses import services, signals
from courses.models import CourseCompletion, CreditEntry, Enrolment, LessonKind, LessonProgress, Viewing

from .factories import CoursePageFactory, QuizFactory, TrainingClassFactory, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def read_lesson(learner, lesson, clock, seconds=None):
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", now=clock())
    clock.advance(seconds or lesson.min_reading_seconds)
    services.heartbeat(learner, viewing.token, 2, "playing", now=clock())
    return services.confirm_read(learner, lesson, now=clock(), language=getattr(clock, "language", "zh-hans"))


@pytest.fixture
def course(home_page):
    return CoursePageFactory(
        home=home_page,
        lessons=[(LessonKind.READING, 30), (LessonKind.READING, 30)],
        final_quiz=QuizFactory(),
        sequential=True,
        credit_hours=Decimal("1.5"),
        credit_type="required",
    )


def test_enrol_unenrol_keeps_records_and_reenrol_resumes(course, learner, clock):
    services.enrol(learner, course)
    first = services.course_lessons(course)[0]
    read_lesson(learner, first, clock)
    services.unenrol(learner, course)
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.withdrawn_at is not None
    assert LessonProgress.objects.filter(user=learner, lesson=first, status="completed").exists()
    assert not services.is_enrolled(learner, course)
    services.enrol(learner, course)
    assert services.is_enrolled(learner, course)
    assert Enrolment.objects.filter(user=learner).count() == 1
    assert services.course_progress(learner, course) == 33


def test_closed_course_and_missing_prerequisite_refuse_self_enrolment(home_page, course, learner):
    closed = CoursePageFactory(home=home_page, slug="closed", enrolment_open=False)
    with pytest.raises(services.EnrolmentClosed):
        services.enrol(learner, closed)
    advanced = CoursePageFactory(home=home_page, slug="advanced")
    advanced.prerequisites.create(prerequisite=course)
    with pytest.raises(services.PrerequisitesMissing):
        services.enrol(learner, advanced)
    assert not Enrolment.objects.filter(user=learner).exists()


def test_sequential_course_locks_later_lessons_until_earlier_are_done(course, learner, clock):
    services.enrol(learner, course)
    first, second = services.course_lessons(course)
    assert [locked for _l, _p, locked in services.lesson_states(learner, course)] == [False, True]
    with pytest.raises(services.LessonLocked):
        services.start_viewing(learner, second, now=clock())
    read_lesson(learner, first, clock)
    assert [locked for _l, _p, locked in services.lesson_states(learner, course)] == [False, False]
    services.start_viewing(learner, second, now=clock())


def test_course_completes_once_with_quiz_and_credits_hours_once(
    course, learner, clock, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.course_completed.connect(receiver)
    try:
        services.enrol(learner, course)
        first, second = services.course_lessons(course)
        read_lesson(learner, first, clock)
        read_lesson(learner, second, clock)
        assert services.course_progress(learner, course) == 67
        assert not CourseCompletion.objects.exists()  # the quiz is still to pass
        attempt = services.start_attempt(learner, course.final_quiz, course=course, now=clock())
        with django_capture_on_commit_callbacks(execute=True):
            services.submit_attempt(learner, attempt.pk, right_answers(attempt), now=clock(), language="en")
        assert services.course_progress(learner, course) == 100
        completion = CourseCompletion.objects.get(user=learner, course=course)
        assert completion.language == "en"
        assert completion.quiz_score == Decimal("100.00")
        assert [(r["user"], r["course"], r["completion"]) for r in received] == [(learner, course, completion)]
        # Retaking the quiz, withdrawing and re-enrolling never credit or announce again.
        services.unenrol(learner, course)
        services.enrol(learner, course)
        second_attempt = services.start_attempt(learner, course.final_quiz, course=course, now=clock())
        with django_capture_on_commit_callbacks(execute=True):
            services.submit_attempt(learner, second_attempt.pk, right_answers(second_attempt), now=clock())
            services.maybe_complete_course(learner, course, now=clock())
        assert len(received) == 1
        assert CourseCompletion.objects.filter(user=learner).count() == 1
        entries = CreditEntry.objects.filter(user=learner)
        assert [(e.source, e.hours, e.credit_type, e.year) for e in entries] == [
            ("course", Decimal("1.50"), "required", 2026)
        ]
    finally:
        signals.course_completed.disconnect(receiver)


def test_failed_quiz_does_not_complete_the_course(course, learner, clock):
    services.enrol(learner, course)
    for lesson in services.course_lessons(course):
        read_lesson(learner, lesson, clock)
    attempt = services.start_attempt(learner, course.final_quiz, course=course, now=clock())
    services.submit_attempt(learner, attempt.pk, wrong_answers(attempt), now=clock())
    assert not CourseCompletion.objects.exists()
    assert not CreditEntry.objects.exists()


def test_the_database_refuses_a_second_completion_and_a_second_active_viewing(course, learner, clock):
    services.enrol(learner, course)
    CourseCompletion.objects.create(user=learner, course=course, credit_hours=1, credit_type="elective")
    with pytest.raises(IntegrityError):
        from django.db import transaction

        with transaction.atomic():
            CourseCompletion.objects.create(user=learner, course=course, credit_hours=1, credit_type="elective")
    first = services.course_lessons(course)[0]
    Viewing.objects.create(user=learner, lesson=first, started_at=clock(), last_heartbeat_at=clock())
    with pytest.raises(IntegrityError):
        Viewing.objects.create(user=learner, lesson=first, started_at=clock(), last_heartbeat_at=clock())


def test_training_class_completion_is_announced_once(home_page, learner, clock, django_capture_on_commit_callbacks):
    one = CoursePageFactory(home=home_page, slug="one", lessons=[(LessonKind.READING, 10)])
    two = CoursePageFactory(home=home_page, slug="two", lessons=[(LessonKind.READING, 10)])
    training_class = TrainingClassFactory(courses=[one, two])
    services.add_members(training_class, [learner])
    assert services.is_enrolled(learner, one) and services.is_enrolled(learner, two)
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.training_class_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            read_lesson(learner, services.course_lessons(one)[0], clock)
        assert received == []
        with django_capture_on_commit_callbacks(execute=True):
            read_lesson(learner, services.course_lessons(two)[0], clock)
        assert len(received) == 1
        assert received[0]["user"] == learner
        assert received[0]["training_class"] == training_class
        assert received[0]["membership"].completed_at is not None
    finally:
        signals.training_class_completed.disconnect(receiver)


def test_english_copy_shares_the_learners_records(home_page, learner, clock):
    from wagtail.models import Locale

    from college.core.demo import translate_page

    course = CoursePageFactory(home=home_page, lessons=[(LessonKind.READING, 10)])
    en = Locale.objects.get(language_code="en")
    index_en = translate_page(course.get_parent(), en, {"title": "Courses"})
    assert index_en
    course_en = translate_page(course, en, {"title": "Introduction"})
    services.enrol(learner, course_en)
    assert Enrolment.objects.get(user=learner).course_id == course.pk
    assert services.is_enrolled(learner, course)
