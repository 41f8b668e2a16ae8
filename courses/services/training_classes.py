"""Training classes: members join every class course; a member completes when every class course is completed."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from .. import signals
from ..models import CourseCompletion, Enrolment, TrainingClass, TrainingClassMember
from . import clock
from .canonical import _language
from .enrolment import enrol

if TYPE_CHECKING:
    from college.accounts.models import User


def maybe_complete_training_class(
    membership: TrainingClassMember, language: str = "zh-hans", now: datetime.datetime | None = None
) -> bool:
    """Mark a class member complete once every class course is completed (sent once, after commit)."""
    now = clock.now(now)
    course_ids = list(membership.training_class.class_courses.values_list("course_id", flat=True))
    if not course_ids:
        return False
    done = CourseCompletion.objects.filter(user=membership.user_id, course_id__in=course_ids).count()
    if done < len(course_ids):
        return False
    updated = TrainingClassMember.objects.filter(pk=membership.pk, completed_at__isnull=True).update(
        completed_at=now, language=_language(language)
    )
    if not updated:
        return False
    membership.refresh_from_db()
    training_class = membership.training_class
    user = membership.user
    transaction.on_commit(
        lambda: signals.training_class_completed.send(
            sender=TrainingClassMember,
            user=user,
            training_class=training_class,
            membership=membership,
            completion=membership,
        )
    )
    return True


@transaction.atomic
def add_members(training_class: TrainingClass, users: Iterable[User], now: datetime.datetime | None = None) -> int:
    """Put learners in a class and enrol them in every class course (withdrawn enrolments re-open)."""
    now = clock.now(now)
    courses = [link.course for link in training_class.class_courses.select_related("course")]
    added = 0
    for user in users:
        membership, created = TrainingClassMember.objects.get_or_create(
            training_class=training_class, user=user, defaults={"enrolled_at": now}
        )
        added += int(created)
        for course in courses:
            enrol(user, course, source=Enrolment.Source.CLASS, now=now)
        maybe_complete_training_class(membership, now=now)
    return added
