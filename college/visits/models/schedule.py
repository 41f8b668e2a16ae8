"""Where and when groups are received: halls, the weekly schedule that opens slots, closed days."""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .choices import WEEKDAYS


class LocalisedNameMixin:
    """Models with ``name`` (Chinese) and ``name_en`` show the one that fits the active language."""

    @property
    def display_name(self):
        if (translation.get_language() or "").startswith("en") and getattr(self, "name_en", ""):
            return self.name_en
        return self.name

    def __str__(self):
        return self.display_name


class Hall(LocalisedNameMixin, models.Model):
    """A hall or room where groups are received, with its capacity in people."""

    name = models.CharField(_("name (Chinese)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    capacity = models.PositiveIntegerField(_("capacity in people"), validators=[MinValueValidator(1)])
    is_meeting_room = models.BooleanField(_("meeting room"), default=False)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_meeting_room"), FieldPanel("is_active")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("hall")
        verbose_name_plural = _("halls")


class OpeningRule(models.Model):
    """One line of the weekly schedule: on this weekday, this hall opens a slot
    from ``start`` to ``end`` for ``capacity`` people (the hall's when blank)."""

    hall = models.ForeignKey(Hall, verbose_name=_("hall"), on_delete=models.CASCADE, related_name="opening_rules")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    start = models.TimeField(_("starts at"))
    end = models.TimeField(_("ends at"))
    capacity = models.PositiveIntegerField(
        _("capacity in people"), null=True, blank=True, help_text=_("Leave blank to use the hall's capacity.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("hall"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("capacity"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["hall", "weekday", "start"]
        verbose_name = _("opening rule")
        verbose_name_plural = _("opening rules (weekly schedule)")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="visits_rule_end_after_start")
        ]

    def __str__(self):
        return f"{self.hall} · {self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    def applies_on(self, day: datetime.date) -> bool:
        return (
            self.is_active
            and day.weekday() == self.weekday
            and (self.valid_from is None or day >= self.valid_from)
            and (self.valid_until is None or day <= self.valid_until)
        )


class ClosedDay(models.Model):
    """A day without visits (a holiday, an event): every hall, or one hall."""

    date = models.DateField(_("date"))
    hall = models.ForeignKey(
        Hall,
        verbose_name=_("hall"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="closed_days",
        help_text=_("Leave blank to close every hall."),
    )
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    panels = [FieldPanel("date"), FieldPanel("hall"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days and holidays")
        constraints = [models.UniqueConstraint(fields=["date", "hall"], name="visits_closed_day_unique")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()
