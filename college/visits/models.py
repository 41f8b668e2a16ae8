"""Visit booking: halls, slots and the rules that open them, guides, and the
requests groups make for a visit.

Capacity is counted in people.  The places a slot has taken are the sum of
the group sizes of the requests that hold places (``HOLDING_STATUSES``); the
rule that keeps that sum within the slot's capacity lives in ``services.py``
(see docs/visits.md, "Locking").
"""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

# Unambiguous characters (no 0/O, 1/I/L) so that a code read out over the
# phone or typed from a printout is not mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_booking_code() -> str:
    """A random booking code: 10 characters, about 50 bits, hard to guess."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


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


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


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


def local_today() -> datetime.date:
    return timezone.localdate(timezone=SHANGHAI)


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


class GroupType(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    STUDY = "study", _("Study")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


class UnitType(models.TextChoices):
    PARTY_GOVERNMENT = "party_government", _("Party or government organ")
    POLITICAL_LEGAL = "political_legal", _("Political-legal organ (court, procuratorate, police, justice)")
    PUBLIC_INSTITUTION = "institution", _("Public institution or school")
    ENTERPRISE = "enterprise", _("Enterprise")
    COMMUNITY = "community", _("Village or community organisation")
    OTHER = "other", _("Other")


PROVINCES = [
    ("北京", _("Beijing")),
    ("天津", _("Tianjin")),
    ("河北", _("Hebei")),
    ("山西", _("Shanxi")),
    ("内蒙古", _("Inner Mongolia")),
    ("辽宁", _("Liaoning")),
    ("吉林", _("Jilin")),
    ("黑龙江", _("Heilongjiang")),
    ("上海", _("Shanghai")),
    ("江苏", _("Jiangsu")),
    ("浙江", _("Zhejiang")),
    ("安徽", _("Anhui")),
    ("福建", _("Fujian")),
    ("江西", _("Jiangxi")),
    ("山东", _("Shandong")),
    ("河南", _("Henan")),
    ("湖北", _("Hubei")),
    ("湖南", _("Hunan")),
    ("广东", _("Guangdong")),
    ("广西", _("Guangxi")),
    ("海南", _("Hainan")),
    ("重庆", _("Chongqing")),
    ("四川", _("Sichuan")),
    ("贵州", _("Guizhou")),
    ("云南", _("Yunnan")),
    ("西藏", _("Tibet")),
    ("陕西", _("Shaanxi")),
    ("甘肃", _("Gansu")),
    ("青海", _("Qinghai")),
    ("宁夏", _("Ningxia")),
    ("新疆", _("Xinjiang")),
    ("香港", _("Hong Kong")),
    ("澳门", _("Macao")),
    ("台湾", _("Taiwan")),
    ("境外", _("Outside China")),
]


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("No-show")


# Requests in these states hold their places on the slot.  A checked-in group
# is in the hall, so it keeps holding them too.
HOLDING_STATUSES = (Status.PENDING, Status.APPROVED, Status.CHECKED_IN)
MAX_GROUP_SIZE = 500


class VisitRequestQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)


class VisitRequest(models.Model):
    """A group's request to visit, from the form or the API, and its life after that."""

    code = models.CharField(_("booking code"), max_length=16, unique=True, default=new_booking_code, editable=False)
    slot = models.ForeignKey(Slot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="requests")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)

    organisation = models.CharField(_("work unit"), max_length=120)
    unit_type = models.CharField(_("type of unit"), max_length=24, choices=UnitType.choices, blank=True)
    province = models.CharField(_("province"), max_length=8, choices=PROVINCES, blank=True)
    group_type = models.CharField(_("group type"), max_length=16, choices=GroupType.choices)
    leader_name = models.CharField(_("leader's name"), max_length=50)
    phone = models.CharField(_("mobile phone"), max_length=11)
    email = models.EmailField(_("email"))
    group_size = models.PositiveIntegerField(
        _("group size"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP_SIZE)]
    )
    purpose = models.TextField(_("purpose of the visit"), max_length=1000, blank=True)
    needs_guided_tour = models.BooleanField(_("guided tour"), default=True)
    needs_briefing = models.BooleanField(_("briefing"), default=False)
    needs_meeting_room = models.BooleanField(_("meeting room"), default=False)
    vehicles = models.PositiveSmallIntegerField(_("vehicles"), default=0, validators=[MaxValueValidator(50)])
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="zh-hans")

    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    actual_headcount = models.PositiveIntegerField(_("actual headcount"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # The client's Idempotency-Key (API) or the form's one-time token: a
    # second submission with the same key returns this request, never a new one.
    idempotency_key = models.CharField(max_length=120, null=True, blank=True, unique=True, editable=False)
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = VisitRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")
        constraints = [
            models.CheckConstraint(condition=Q(group_size__gte=1), name="visits_request_group_size_positive"),
        ]

    def __str__(self):
        return f"{self.code} · {self.organisation}"

    @property
    def holds_places(self) -> bool:
        return self.status in HOLDING_STATUSES

    @property
    def roster_names(self) -> list[str]:
        return [visitor.name for visitor in self.visitors.all()]


class Visitor(models.Model):
    """One name on a group's roster."""

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="visitors")
    name = models.CharField(_("name"), max_length=50)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["request", "position"]
        verbose_name = _("visitor")
        verbose_name_plural = _("visitors")

    def __str__(self):
        return self.name


class VisitEvent(models.Model):
    """The history of a request: each status change, guide, reschedule and staff note."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        GUIDE = "guide", _("Guide assigned")
        CHECKED_IN = "checked_in", _("Checked in")
        NO_SHOW = "no_show", _("Marked as no-show")
        NOTE = "note", _("Note")

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    text = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self):
        return f"{self.get_action_display()} {self.text}".strip()


class CalendarFeedToken(models.Model):
    """A staff member's secret address of the ICS feed of approved visits."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit_feed_token")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")

    def __str__(self):
        return str(self.user)
