"""Progress: the lessons of a course in order, which are locked, and the course's percent done."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from ..models import CoursePage, LessonPage, LessonProgress, ProgressStatus
from .canonical import canonical_page
from .enrolment import is_enrolled
from .errors import LessonLocked, NotEnrolled
from .quizzes import quiz_passed

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from college.accounts.models import User


def course_lessons(course: CoursePage) -> list[LessonPage]:
    """The live lessons of the course's canonical copy, in order."""
    return list(canonical_page(course).lessons())


def lesson_course(lesson: LessonPage) -> CoursePage:
    """The canonical course a lesson belongs to."""
    return canonical_page(lesson).get_parent().specific


def lesson_states(
    user: User | AnonymousUser, course: CoursePage
) -> list[tuple[LessonPage, LessonProgress | None, bool]]:
    """[(lesson, progress or None, locked)] for the canonical lessons of a course, in order.

    In a sequential course a lesson is locked until every required lesson before it is completed;
    locked lessons stay listed.
    """
    course = canonical_page(course)
    lessons = course_lessons(course)
    progress: dict[int, LessonProgress] = {}
    if getattr(user, "is_authenticated", False):
        user = cast("User", user)  # signed in, as checked above
        progress = {
            p.lesson_id: p
            for p in LessonProgress.objects.filter(user=user, lesson__in=[lesson.pk for lesson in lessons])
        }
    states = []
    blocked = False
    for lesson in lessons:
        record = progress.get(lesson.pk)
        states.append((lesson, record, bool(course.sequential and blocked)))
        if lesson.required and (record is None or record.status != ProgressStatus.COMPLETED):
            blocked = True
    return states


def is_lesson_locked(user: User | AnonymousUser, lesson: LessonPage) -> bool:
    """Whether a sequential course keeps this lesson locked for the learner."""
    lesson = canonical_page(lesson)
    for candidate, _record, locked in lesson_states(user, lesson_course(lesson)):
        if candidate.pk == lesson.pk:
            return locked
    return False


def course_progress(user: User | AnonymousUser, course: CoursePage) -> int:
    """Percent of the course done: required lessons completed, plus the final quiz passed."""
    course = canonical_page(course)
    states = lesson_states(user, course)
    units = [
        record is not None and record.status == ProgressStatus.COMPLETED
        for lesson, record, _l in states
        if lesson.required
    ]
    if course.final_quiz_id:
        units.append(quiz_passed(user, course.final_quiz, course=course))
    if not units:
        return 0
    return round(100 * sum(units) / len(units))


def _progress_for_update(user: User, lesson: LessonPage, course: CoursePage, now: datetime.datetime) -> LessonProgress:
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"course": course, "started_at": now, "status": ProgressStatus.IN_PROGRESS}
    )
    if progress.status == ProgressStatus.NOT_STARTED:
        progress.status = ProgressStatus.IN_PROGRESS
        progress.started_at = progress.started_at or now
    return progress


def _require_open_lesson(user: User, lesson: LessonPage) -> CoursePage:
    course = lesson_course(lesson)
    if not is_enrolled(user, course):
        raise NotEnrolled()
    if is_lesson_locked(user, lesson):
        raise LessonLocked()
    return course
