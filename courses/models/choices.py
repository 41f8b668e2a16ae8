"""The choices shared by the course pages and the learner records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
