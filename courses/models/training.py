"""Training classes (培训班): the class, its courses, its members and the roster files imported into it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from .pages import CoursePage


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
