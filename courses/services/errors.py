"""The errors the course rules raise: a translated ``message`` for people and a stable ``code`` for the API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise


class CourseError(Exception):
    """A rule refused the action; ``message`` is translated, ``code`` is stable."""

    code = "error"
    default_message = _("This action is not possible.")

    def __init__(self, message: str | Promise | None = None, code: str | None = None) -> None:
        self.message = message or self.default_message
        if code:
            self.code = code
        super().__init__(str(self.message))


class NotEnrolled(CourseError):
    code = "not_enrolled"
    default_message = _("Enrol in the course first.")


class EnrolmentClosed(CourseError):
    code = "enrolment_closed"
    default_message = _("This course is not open for enrolment.")


class PrerequisitesMissing(CourseError):
    code = "prerequisites"
    default_message = _("Complete the prerequisite courses first.")


class LessonLocked(CourseError):
    code = "locked"
    default_message = _("Complete the previous lessons first.")


class HeartbeatRefused(CourseError):
    code = "refused"
    default_message = _("This heartbeat was refused.")


class NotEnoughTime(CourseError):
    code = "not_enough_time"
    default_message = _("You have not spent the minimum reading time on this lesson yet.")


class QuizError(CourseError):
    code = "quiz"


class CreditError(CourseError):
    code = "credit"
