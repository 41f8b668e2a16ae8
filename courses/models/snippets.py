"""Snippets of the course library: instructors, question banks and their questions, and quizzes."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


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
