"""Enrolment: prerequisites, enrolling (again) and leaving a course without losing its records."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from django.db import transaction

from ..models import CourseCompletion, CoursePage, Enrolment, LessonPage, Viewing
from . import clock
from .canonical import canonical_page
from .errors import EnrolmentClosed, NotEnrolled, PrerequisitesMissing

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from college.accounts.models import User


def get_enrolment(user: User | AnonymousUser, course: CoursePage) -> Enrolment | None:
    """The learner's enrolment in a course (active or withdrawn), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    user = cast("User", user)  # signed in, as checked above
    return Enrolment.objects.filter(user=user, course=canonical_page(course)).first()


def is_enrolled(user: User | AnonymousUser, course: CoursePage) -> bool:
    """Whether the learner is enrolled in the course and has not left it."""
    enrolment = get_enrolment(user, course)
    return enrolment is not None and enrolment.is_active


def missing_prerequisites(user: User, course: CoursePage) -> list[CoursePage]:
    """The canonical prerequisite courses the learner has not completed yet."""
    course = canonical_page(course)
    prerequisites = [canonical_page(p.prerequisite) for p in course.prerequisites.select_related("prerequisite")]
    done = set(
        CourseCompletion.objects.filter(user=user, course__in=[p.pk for p in prerequisites]).values_list(
            "course_id", flat=True
        )
    )
    return [p for p in prerequisites if p.pk not in done]


@transaction.atomic
def enrol(
    user: User, course: CoursePage, source: str = Enrolment.Source.SELF, now: datetime.datetime | None = None
) -> Enrolment:
    """Enrol ``user`` in ``course`` (or re-activate a withdrawn enrolment, keeping its records)."""
    course = canonical_page(course)
    now = clock.now(now)
    if not course.live:
        raise EnrolmentClosed()
    if source == Enrolment.Source.SELF and not course.enrolment_open:
        raise EnrolmentClosed()
    if source == Enrolment.Source.SELF and missing_prerequisites(user, course):
        raise PrerequisitesMissing()
    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        user=user, course=course, defaults={"source": source, "enrolled_at": now}
    )
    if not created and enrolment.withdrawn_at is not None:
        enrolment.withdrawn_at = None
        enrolment.enrolled_at = now
        enrolment.save(update_fields=["withdrawn_at", "enrolled_at"])
    return enrolment


@transaction.atomic
def unenrol(user: User, course: CoursePage, now: datetime.datetime | None = None) -> Enrolment:
    """Withdraw from a course; progress, attempts and completion stay on record."""
    course = canonical_page(course)
    now = clock.now(now)
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
    if enrolment is None or enrolment.withdrawn_at is not None:
        raise NotEnrolled()
    enrolment.withdrawn_at = now
    enrolment.save(update_fields=["withdrawn_at"])
    Viewing.objects.filter(user=user, active=True, lesson__in=LessonPage.objects.child_of(course)).update(
        active=False, ended_at=now
    )
    return enrolment
