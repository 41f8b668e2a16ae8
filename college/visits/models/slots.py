"""Slots (a time in one hall with its capacity in people) and the booking window.

The places a slot has taken are the sum of the group sizes of the requests that hold places
(``HOLDING_STATUSES``); the rule that keeps that sum within the capacity is in
``services/booking.py`` (docs/visits.md, "Locking").
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from college.core.params import local_today

from .choices import HOLDING_STATUSES
from .schedule import ClosedDay, Hall, OpeningRule

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


class SlotQuerySet(models.QuerySet):
    def with_places(self):
        """Annotate ``places_taken`` (people held by pending, approved and checked-in requests)."""
        return self.annotate(
            places_taken=Coalesce(Sum("requests__group_size", filter=Q(requests__status__in=HOLDING_STATUSES)), 0)
        )

    def not_closed(self):
        closed_everywhere = ClosedDay.objects.filter(date=models.OuterRef("date"), hall__isnull=True)
        closed_here = ClosedDay.objects.filter(date=models.OuterRef("date"), hall=models.OuterRef("hall"))
        return self.exclude(models.Exists(closed_everywhere)).exclude(models.Exists(closed_here))

    def bookable(self, today=None):
        """Open slots inside the booking window (minimum notice … window), not on a closed day."""
        first, last = booking_window(today)
        return self.filter(is_open=True, hall__is_active=True, date__gte=first, date__lte=last).not_closed()


def min_notice_days() -> int:
    return int(getattr(settings, "COLLEGE_VISITS_MIN_NOTICE_DAYS", 2))


def booking_window_days() -> int:
    return int(getattr(settings, "COLLEGE_VISITS_BOOKING_WINDOW_DAYS", 60))


def booking_window(today=None) -> tuple[datetime.date, datetime.date]:
    """The first and last day a group may book today (both included)."""
    today = today or local_today()
    return today + datetime.timedelta(days=min_notice_days()), today + datetime.timedelta(days=booking_window_days())


class Slot(models.Model):
    """A time in one hall that groups can book, with its capacity in people."""

    hall = models.ForeignKey(Hall, verbose_name=_("hall"), on_delete=models.PROTECT, related_name="slots")
    date = models.DateField(_("date"), db_index=True)
    start = models.TimeField(_("starts at"))
    end = models.TimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("capacity in people"), validators=[MinValueValidator(1)])
    is_open = models.BooleanField(_("open for booking"), default=True)
    rule = models.ForeignKey(
        OpeningRule,
        verbose_name=_("opening rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
        editable=False,
    )

    objects = SlotQuerySet.as_manager()

    panels = [
        FieldPanel("hall"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_open")]),
    ]

    class Meta:
        ordering = ["date", "start", "hall"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["hall", "date", "start"], name="visits_slot_unique"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="visits_slot_end_after_start"),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start:%H:%M}–{self.end:%H:%M} · {self.hall}"

    def clean(self):
        """Staff may not shrink a slot below the people it already holds."""
        super().clean()
        if self.pk and self.capacity is not None:
            taken = self.count_places_taken()
            if self.capacity < taken:
                raise ValidationError(
                    {
                        "capacity": _("%(n)d people are already booked on this slot; the capacity cannot be lower.")
                        % {"n": taken}
                    }
                )

    @property
    def start_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start, tzinfo=SHANGHAI)

    @property
    def end_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.end, tzinfo=SHANGHAI)

    def count_places_taken(self) -> int:
        """People held on this slot now (a fresh query, not the annotation)."""
        return self.requests.filter(status__in=HOLDING_STATUSES).aggregate(total=Coalesce(Sum("group_size"), 0))[
            "total"
        ]

    @property
    def places_left(self) -> int:
        taken = getattr(self, "places_taken", None)
        if taken is None:
            taken = self.count_places_taken()
        return max(self.capacity - taken, 0)

    def is_closed_day(self) -> bool:
        return ClosedDay.objects.filter(Q(hall__isnull=True) | Q(hall_id=self.hall_id), date=self.date).exists()
