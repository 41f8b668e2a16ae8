"""Business rules of the courses app: enrolment, progress, verified study time, completion and credit hours.

Each public function runs in one transaction and raises a ``CourseError``
subclass (with a translated message) when a rule refuses the action.  Views,
the admin, the API and tasks call these functions; none re-implements them.

One module per rule, all re-exported here (``from courses import services``;
``services.enrol(...)``):

- ``enrolment``: enrolling, prerequisites, leaving a course
- ``progress``: lessons in order, sequential unlocking, percent done
- ``study_time``: viewings, heartbeats, watched segments, reading time (the security-critical rules)
- ``completion``: a course completes once, with its credit and signal
- ``quizzes``: drawing, time and attempt limits, grading, score policy
- ``credits``: the credit-hour (学时) ledger and year summaries
- ``training_classes``: class members, their enrolments and class completion
- ``errors``, ``rule_settings``, ``canonical`` (zh-hans copies of pages), ``locking``, ``clock``

Lock order (always the same, so two requests never deadlock):
user row → viewing → lesson progress → enrolment → completion/ledger.
"""

from .canonical import canonical_page, default_locale, localized_page
from .completion import course_requirements_met, maybe_complete_course
from .credits import add_credit, add_offline_credit, ledger_years, record_visit_credit, year_summary
from .enrolment import enrol, get_enrolment, is_enrolled, missing_prerequisites, unenrol
from .errors import (
    CourseError,
    CreditError,
    EnrolmentClosed,
    HeartbeatRefused,
    LessonLocked,
    NotEnoughTime,
    NotEnrolled,
    PrerequisitesMissing,
    QuizError,
)
from .progress import course_lessons, course_progress, is_lesson_locked, lesson_course, lesson_states
from .quizzes import (
    attempt_questions,
    attempt_review,
    attempts_used,
    counted_attempt,
    quiz_passed,
    quiz_score,
    start_attempt,
    submit_attempt,
)
from .rule_settings import (
    QUIZ_GRACE_SECONDS,
    annual_required_target,
    annual_target,
    completion_ratio,
    heartbeat_interval,
    heartbeat_max_gap,
    playback_rate_cap,
)
from .study_time import (
    HeartbeatResult,
    confirm_read,
    covered_length,
    end_viewing,
    heartbeat,
    merge_segments,
    start_viewing,
)
from .training_classes import add_members, maybe_complete_training_class

__all__ = [
    "QUIZ_GRACE_SECONDS",
    "CourseError",
    "CreditError",
    "EnrolmentClosed",
    "HeartbeatRefused",
    "HeartbeatResult",
    "LessonLocked",
    "NotEnoughTime",
    "NotEnrolled",
    "PrerequisitesMissing",
    "QuizError",
    "add_credit",
    "add_members",
    "add_offline_credit",
    "annual_required_target",
    "annual_target",
    "attempt_questions",
    "attempt_review",
    "attempts_used",
    "canonical_page",
    "completion_ratio",
    "confirm_read",
    "counted_attempt",
    "course_lessons",
    "course_progress",
    "course_requirements_met",
    "covered_length",
    "default_locale",
    "end_viewing",
    "enrol",
    "get_enrolment",
    "heartbeat",
    "heartbeat_interval",
    "heartbeat_max_gap",
    "is_enrolled",
    "is_lesson_locked",
    "ledger_years",
    "lesson_course",
    "lesson_states",
    "localized_page",
    "maybe_complete_course",
    "maybe_complete_training_class",
    "merge_segments",
    "missing_prerequisites",
    "playback_rate_cap",
    "quiz_passed",
    "quiz_score",
    "record_visit_credit",
    "start_attempt",
    "start_viewing",
    "submit_attempt",
    "unenrol",
    "year_summary",
]
