"""Courses, lessons, quizzes, enrolment, verified study time, credit hours and training classes.

Every learner record (enrolment, progress, viewing, attempt, completion, ledger
entry) points at the *canonical* page of a course or lesson: the copy in the
default locale (zh-hans).  A learner on the English site studies the English
copy, but the records are shared, so switching language never loses progress.
``services.canonical_page()`` does the mapping.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index


# ---------------------------------------------------------------------------
# Choices
# ---------------------------------------------------------------------------
class Topic(models.TextChoices):
    HISTORY = "history", _("History of the Fengqiao Experience")
    METHOD = "method", _("Working methods")
    MEDIATION = "mediation", _("Mediation practice")
    POLICING = "policing", _("Police-station work")
    RULE_OF_LAW = "rule_of_law", _("Rule of law at the grassroots")
    DIGITAL = "digital", _("Digital governance")


class CreditType(models.TextChoices):
    REQUIRED = "required", _("Required")
    ELECTIVE = "elective", _("Elective")


class LessonKind(models.TextChoices):
    VIDEO = "video", _("Video")
    READING = "reading", _("Reading")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


# ---------------------------------------------------------------------------
# Snippets: instructors and the question bank
# ---------------------------------------------------------------------------
class Instructor(index.Indexed, models.Model):
    """A teacher shown on course pages."""

    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=120, blank=True, help_text=_("Position and organisation."))
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def name_for(self, language_code):
        return self.name_en if (language_code or "").startswith("en") and self.name_en else self.name

    def title_for(self, language_code):
        return self.title_en if (language_code or "").startswith("en") and self.title_en else self.title


class QuestionBank(models.Model):
    """A named pool of questions a quiz draws from."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Question(index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("question bank"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    text_en = models.TextField(_("question (English)"), blank=True)
    explanation = models.TextField(_("explanation"), help_text=_("Shown to the learner after submission."))
    explanation_en = models.TextField(_("explanation (English)"), blank=True)

    panels = [
        FieldPanel("bank"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("text_en"),
        InlinePanel("choices", label=_("choices"), min_num=2),
        FieldPanel("explanation"),
        FieldPanel("explanation_en"),
    ]
    search_fields = [index.SearchField("text"), index.FilterField("bank_id"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "id"]

    def __str__(self):
        return self.text[:80]

    def text_for(self, language_code):
        return self.text_en if (language_code or "").startswith("en") and self.text_en else self.text

    def explanation_for(self, language_code):
        return (
            self.explanation_en if (language_code or "").startswith("en") and self.explanation_en else self.explanation
        )


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=400, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldPanel("text"), FieldPanel("text_en"), FieldPanel("is_correct")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text

    def text_for(self, language_code):
        return self.text_en if (language_code or "").startswith("en") and self.text_en else self.text


class Quiz(models.Model):
    """A graded test drawn at random from a question bank."""

    class ScorePolicy(models.TextChoices):
        BEST = "best", _("Best attempt counts")
        LAST = "last", _("Last attempt counts")

    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("question bank"), on_delete=models.PROTECT, related_name="quizzes"
    )
    question_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("Drawn at random from the bank for every attempt."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=60, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3, help_text=_("0 means unlimited."))
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), default=20, help_text=_("0 means none.")
    )
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    score_policy = models.CharField(
        _("score policy"), max_length=8, choices=ScorePolicy.choices, default=ScorePolicy.BEST
    )
    credit_hours = models.DecimalField(
        _("credit hours for passing"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Credited once, the first time the learner passes. 0 for none."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("bank"),
        FieldPanel("question_count"),
        FieldPanel("pass_mark"),
        FieldPanel("max_attempts"),
        FieldPanel("time_limit_minutes"),
        FieldPanel("shuffle_options"),
        FieldPanel("score_policy"),
        FieldPanel("credit_hours"),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def title_for(self, language_code):
        return self.title_en if (language_code or "").startswith("en") and self.title_en else self.title


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------
class CourseIndexPage(Page):
    """The course catalogue: filters by topic, required/elective and hours, and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        from .pages import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context


class CoursePage(Page):
    """A course: overview, objectives, instructors, credit hours, lessons in order and a final quiz."""

    summary = models.TextField(_("summary"), max_length=300, help_text=_("One or two sentences for the catalogue."))
    overview = RichTextField(_("overview"), blank=True)
    objectives = RichTextField(_("learning objectives"), blank=True, features=["ul", "ol", "bold"])
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.HISTORY)
    credit_hours = models.DecimalField(
        _("credit hours"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_("Credited once to the learner's annual ledger when the course is completed."),
    )
    credit_type = models.CharField(
        _("required or elective"), max_length=10, choices=CreditType.choices, default=CreditType.ELECTIVE
    )
    sequential = models.BooleanField(
        _("unlock lessons in sequence"),
        default=False,
        help_text=_("A lesson opens only when the lessons before it are completed."),
    )
    enrolment_open = models.BooleanField(_("open for self-enrolment"), default=True)
    instructors = ParentalManyToManyField(Instructor, verbose_name=_("instructors"), blank=True)
    final_quiz = models.ForeignKey(
        Quiz,
        verbose_name=_("final quiz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_("Must be passed for the course to complete."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("overview"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("credit_hours"),
                FieldPanel("credit_type"),
                FieldPanel("sequential"),
                FieldPanel("enrolment_open"),
            ],
            heading=_("Study rules"),
        ),
        FieldPanel("instructors"),
        InlinePanel("prerequisites", label=_("prerequisites")),
        FieldPanel("final_quiz"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("objectives"),
        index.FilterField("topic"),
        index.FilterField("credit_type"),
        index.FilterField("credit_hours"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lessons(self):
        """The live lessons of this page's copy, in tree order."""
        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from .pages import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context


class CoursePrerequisite(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisites")
    prerequisite = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("prerequisite", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "ol", "ul", "link"])
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    image = ImageChooserBlock(label=_("Image"))
    attachment = DocumentChooserBlock(label=_("Attachment"))

    class Meta:
        label = _("Content")


class LessonPage(Page):
    """A video lesson with its duration, or a reading lesson with a minimum reading time."""

    kind = models.CharField(_("kind"), max_length=10, choices=LessonKind.choices, default=LessonKind.READING)
    summary = models.TextField(_("summary"), blank=True, max_length=300)
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.CharField(
        _("video address"),
        max_length=500,
        blank=True,
        help_text=_("Used when no video file is chosen, e.g. /static/… or https://…"),
    )
    duration_seconds = models.PositiveIntegerField(_("video duration (seconds)"), default=0)
    min_reading_seconds = models.PositiveIntegerField(
        _("minimum reading time (seconds)"), default=120, help_text=_("Reading lessons only.")
    )
    required = models.BooleanField(_("required for course completion"), default=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("video_url"), FieldPanel("duration_seconds")], heading=_("Video")
        ),
        FieldPanel("min_reading_seconds"),
        FieldPanel("required"),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("related typical cases")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def is_video(self):
        return self.kind == LessonKind.VIDEO

    @property
    def media_url(self):
        if self.video_id:
            return self.video.url
        return self.video_url

    def get_context(self, request, *args, **kwargs):
        from .pages import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from .pages import lesson_gate

        refusal = lesson_gate(self, request)
        if refusal is not None:
            return refusal
        return super().serve(request, *args, **kwargs)


class LessonRelatedPage(Orderable):
    """A typical case (or any page) embedded in a lesson; an FK to Page keeps apps independent."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]


# ---------------------------------------------------------------------------
# Learner records
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# Training classes
# ---------------------------------------------------------------------------
class TrainingClass(ClusterableModel):
    """A class (培训班) run by training staff: dates, courses and enrolled learners."""

    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        InlinePanel("class_courses", label=_("courses")),
    ]

    class Meta:
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def name_for(self, language_code):
        return self.name_en if (language_code or "").startswith("en") and self.name_en else self.name

    @property
    def courses(self):
        return CoursePage.objects.filter(training_classes__training_class=self).order_by("training_classes__sort_order")


class TrainingClassCourse(Orderable):
    training_class = ParentalKey(TrainingClass, on_delete=models.CASCADE, related_name="class_courses")
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="training_classes"
    )

    panels = [PageChooserPanel("course", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("class course")
        constraints = [models.UniqueConstraint(fields=["training_class", "course"], name="courses_class_course_once")]


class TrainingClassMember(models.Model):
    """A learner in a class; ``completed_at`` is set once every class course is completed."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    training_class = models.ForeignKey(
        TrainingClass, verbose_name=_("training class"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="training_memberships",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("class member")
        verbose_name_plural = _("class members")
        constraints = [models.UniqueConstraint(fields=["training_class", "user"], name="courses_member_once")]
        ordering = ["training_class", "user__real_name"]

    def __str__(self):
        return f"{self.training_class} · {self.user}"


class RosterImport(models.Model):
    """An uploaded roster file and the per-row report of its import (kept for the audit trail)."""

    # Learner records are not content: keep them out of Wagtail's reference index (a query per save).
    wagtail_reference_index_ignore = True

    training_class = models.ForeignKey(
        TrainingClass, verbose_name=_("training class"), on_delete=models.CASCADE, related_name="roster_imports"
    )
    file_name = models.CharField(_("file"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    succeeded = models.BooleanField(_("imported"), default=False)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_accounts = models.PositiveIntegerField(_("accounts created"), default=0)
    report = models.JSONField(_("report"), default=list, blank=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.training_class} · {self.file_name}"
