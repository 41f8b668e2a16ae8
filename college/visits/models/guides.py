"""Guides (讲解员) who lead groups, and the weekly periods they are available."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .choices import WEEKDAYS
from .schedule import LocalisedNameMixin
from .slots import Slot


class Guide(LocalisedNameMixin, ClusterableModel):
    """A guide (讲解员) who leads groups through the halls."""

    name = models.CharField(_("name"), max_length=50)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    languages = models.CharField(_("languages"), max_length=80, blank=True, help_text=_("e.g. Mandarin, English"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_guide",
    )
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("languages")]),
        FieldPanel("user"),
        FieldPanel("is_active"),
        InlinePanel("availability", heading=_("Availability"), label=_("available time")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def is_available(self, slot: Slot) -> bool:
        """True when one of the guide's weekly availability periods covers the slot."""
        return any(
            period.weekday == slot.date.weekday() and period.start <= slot.start and period.end >= slot.end
            for period in self.availability.all()
        )


class GuideAvailability(Orderable):
    """A weekly period in which a guide can lead visits."""

    guide = ParentalKey(Guide, on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("availability")
        verbose_name_plural = _("availability")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"
