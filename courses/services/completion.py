"""Completion: a course completes once every required lesson and the final quiz are done (recorded once)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import (
    CourseCompletion,
    CoursePage,
    CreditEntry,
    Enrolment,
    LessonProgress,
    ProgressStatus,
    TrainingClassMember,
)
from . import clock
from .canonical import _language, canonical_page
from .credits import add_credit
from .progress import course_lessons
from .quizzes import quiz_passed, quiz_score
from .training_classes import maybe_complete_training_class

if TYPE_CHECKING:
    from college.accounts.models import User


def course_requirements_met(user: User, course: CoursePage) -> bool:
    """Whether every required lesson is completed and the final quiz (if any) is passed."""
    course = canonical_page(course)
    required = [lesson.pk for lesson in course_lessons(course) if lesson.required]
    done = LessonProgress.objects.filter(user=user, lesson__in=required, status=ProgressStatus.COMPLETED).count()
    if done < len(required):
        return False
    if course.final_quiz_id and not quiz_passed(user, course.final_quiz, course=course):
        return False
    return True


@transaction.atomic
def maybe_complete_course(
    user: User, course: CoursePage, language: str = "zh-hans", now: datetime.datetime | None = None
) -> CourseCompletion | None:
    """Record the course as completed once every requirement is met; returns the completion or None.

    The completion, the enrolment's completed date and the ledger credit are written once; the
    ``course_completed`` signal is sent after commit. Training classes containing the course are
    then checked.
    """
    now = clock.now(now)
    course = canonical_page(course)
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=user, course=course, withdrawn_at__isnull=True).first()
    )
    if enrolment is None or not course_requirements_met(user, course):
        return None
    if CourseCompletion.objects.filter(user=user, course=course).exists():
        return None
    score = None
    if course.final_quiz_id:
        score = quiz_score(user, course.final_quiz, course=course)
    completion = CourseCompletion.objects.create(
        user=user,
        course=course,
        completed_at=now,
        language=_language(language),
        credit_hours=course.credit_hours,
        credit_type=course.credit_type,
        quiz_score=score,
    )
    enrolment.completed_at = now
    enrolment.save(update_fields=["completed_at"])
    if course.credit_hours > 0:
        add_credit(
            user,
            hours=course.credit_hours,
            source=CreditEntry.Source.COURSE,
            credit_type=course.credit_type,
            title=course.title,
            reference=f"course:{course.pk}",
            earned_on=timezone.localdate(now),
            course=course,
        )
    transaction.on_commit(
        lambda: signals.course_completed.send(sender=CourseCompletion, user=user, course=course, completion=completion)
    )
    for membership in TrainingClassMember.objects.filter(
        user=user, completed_at__isnull=True, training_class__class_courses__course=course
    ).select_related("training_class"):
        maybe_complete_training_class(membership, language=language, now=now)
    return completion
