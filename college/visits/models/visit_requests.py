"""A group's request to visit, its roster and its history."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import HOLDING_STATUSES, PROVINCES, GroupType, Status, UnitType
from .guides import Guide
from .slots import Slot

# Unambiguous characters (no 0/O, 1/I/L) so that a code read out over the
# phone or typed from a printout is not mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_booking_code() -> str:
    """A random booking code: 10 characters, about 50 bits, hard to guess."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


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
