"""Races on real PostgreSQL connections: the same heartbeat sent twice at once, two tabs opening at once."""

import threading

import pytest
from django.db import connection

from courses import services
from courses.models import LessonKind, LessonProgress, Viewing

from .factories import CoursePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*calls):
    """Start every call in its own thread (own database connection) at the same moment."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def runner(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_the_same_heartbeat_sent_twice_at_once_is_credited_once(home_page, learner, clock):
    course = CoursePageFactory(home=home_page, lessons=[(LessonKind.VIDEO, 100)])
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    clock.advance(10)
    now = clock()
    results = run_together(
        *[lambda: services.heartbeat(learner, viewing.token, 2, "playing", 10, now=now) for _ in range(4)]
    )
    accepted = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, services.HeartbeatRefused)]
    assert len(accepted) == 1 and len(refused) == 3
    assert LessonProgress.objects.get(user=learner, lesson=lesson).study_seconds == pytest.approx(10)


def test_two_tabs_opening_at_once_leave_one_active_viewing(home_page, learner, clock):
    course = CoursePageFactory(home=home_page, lessons=[(LessonKind.VIDEO, 100)])
    services.enrol(learner, course)
    lesson = services.course_lessons(course)[0]
    results = run_together(*[lambda: services.start_viewing(learner, lesson, now=clock()) for _ in range(3)])
    assert all(isinstance(r, Viewing) for r in results), results
    assert Viewing.objects.filter(user=learner, active=True).count() == 1
