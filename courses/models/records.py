"""Learner records: enrolments, lesson progress, viewings, quiz attempts, completions and the credit-hour ledger.

They change only through the rules in ``courses.services``; the admin lists them read-only.
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import CreditType, LessonKind, ProgressStatus
from .pages import CoursePage, LessonPage
from .snippets import Quiz


class Enrolment(models.Model):
    """A learner on a course. Unenrolling sets ``withdrawn_at``; nothing is deleted."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        CLASS = "class", _("Training class")
        STAFF = "staff", _("Enrolled by staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_enrolment_once")]
        ordering = ["-enrolled_at"]

    def __str__(self):
        return f"{self.user} · {self.course}"

    @property
    def is_active(self):
        return self.withdrawn_at is None


class LessonProgress(models.Model):
    """A learner's state in one lesson: status, verified time, covered video segments, resume point."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProgressStatus.choices, default=ProgressStatus.NOT_STARTED
    )
    # Real (wall-clock) seconds the server verified the learner spent in the lesson.
    study_seconds = models.FloatField(_("verified study time (s)"), default=0)
    # Video: merged [start, end] segments of the video verified as watched.
    covered_segments = models.JSONField(_("watched segments"), default=list, blank=True)
    covered_seconds = models.FloatField(_("verified watched (s)"), default=0)
    position_seconds = models.FloatField(_("resume position (s)"), default=0)
    read_confirmed_at = models.DateTimeField(_("confirmed as read at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="courses_progress_once")]

    def __str__(self):
        return f"{self.user} · {self.lesson} · {self.get_status_display()}"


def new_viewing_token():
    return secrets.token_urlsafe(24)


class Viewing(models.Model):
    """One opening of a lesson by a learner, identified by a server-issued token.

    At most one viewing per learner is active (a partial unique index): opening a
    lesson in a second tab or device ends the first, so time never counts twice.
    """

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    class State(models.TextChoices):
        PLAYING = "playing", _("Playing / visible")
        PAUSED = "paused", _("Paused")
        HIDDEN = "hidden", _("Hidden")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="viewings")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="viewings")
    token = models.CharField(max_length=64, unique=True, default=new_viewing_token)
    active = models.BooleanField(default=True)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    last_seq = models.PositiveIntegerField(default=0)
    last_heartbeat_at = models.DateTimeField()
    last_position = models.FloatField(default=0)
    last_state = models.CharField(max_length=8, choices=State.choices, default=State.PAUSED)
    # Copied from the lesson when the viewing starts, so a heartbeat reads one narrow row.
    lesson_kind = models.CharField(max_length=10, choices=LessonKind.choices, default=LessonKind.VIDEO)
    duration_seconds = models.PositiveIntegerField(default=0)
    credited_seconds = models.FloatField(default=0)
    refused_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("viewing")
        verbose_name_plural = _("viewings")
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(active=True), name="courses_one_active_viewing"),
        ]

    def __str__(self):
        return f"{self.user} · {self.lesson_id} · {self.started_at:%Y-%m-%d %H:%M}"


class CourseCompletion(models.Model):
    """A course completed by a learner: recorded once, announced by ``signals.course_completed``."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="course_completions"
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)
    # Language of the site the learner used when completing ("zh-hans" or "en"):
    # certificates are rendered in it.
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    credit_hours = models.DecimalField(_("credit hours"), max_digits=5, decimal_places=2)
    credit_type = models.CharField(_("required or elective"), max_length=10, choices=CreditType.choices)
    quiz_score = models.DecimalField(_("quiz score"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_completion_once")]
        ordering = ["-completed_at"]

    def __str__(self):
        return f"{self.user} · {self.course}"


class QuizAttempt(models.Model):
    """One attempt at a quiz: the drawn questions and option order, the answers and the server's grade."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Expired")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempts")
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # [{"question": id, "choices": [id, …]}, …] in the order shown to the learner.
    drawn = models.JSONField(default=list)
    # {"<question id>": [choice id, …]}
    answers = models.JSONField(default=dict, blank=True)
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [models.UniqueConstraint(fields=["user", "quiz", "number"], name="courses_attempt_number_once")]
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.user} · {self.quiz} · #{self.number}"


class CreditEntry(models.Model):
    """One line of a learner's credit-hour (学时) ledger for a calendar year."""

    # Not stored: services.year_summary sets the activity's title in the reader's language.
    display_title: str

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    class Source(models.TextChoices):
        COURSE = "course", _("Course")
        QUIZ = "quiz", _("Quiz")
        OFFLINE = "offline", _("Offline activity")
        VISIT = "visit", _("Visit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="credit_entries"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0.01)])
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    credit_type = models.CharField(_("required or elective"), max_length=10, choices=CreditType.choices)
    title = models.CharField(_("activity"), max_length=255)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A key that makes an activity count once ("course:12", "quiz:3", "visit:45").
    reference = models.CharField(_("reference"), max_length=80, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why staff added this entry (offline activities)."))
    earned_on = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("credit-hour entry")
        verbose_name_plural = _("credit-hour entries")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "reference"], condition=~Q(reference=""), name="courses_credit_once"
            ),
        ]
        ordering = ["-earned_on", "-id"]

    def __str__(self):
        return f"{self.user} · {self.year} · {self.title} · {self.hours}"
