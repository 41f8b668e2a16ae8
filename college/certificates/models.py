"""Certificates: one per (learner, course) and per (learner, training class), with an audit trail.

A certificate is a snapshot: the holder's name and work unit, the title, hours and date are
copied when it is requested, so the printed PDF, the verification page and the QR signature
always agree, whatever is edited later. A correction is a *reissue*: a new certificate with a
new serial, the old one marked superseded.

Links to the course library go through ``wagtailcore.Page`` (the canonical course page) and a
plain training-class id, so that this app's migrations never depend on another app's.
"""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def private_storage():
    return storages["private"]


def new_verification_code():
    # 16 random bytes = 128 bits, far above the 80 required; never derived from the serial.
    return secrets.token_urlsafe(16)


class SerialCounter(models.Model):
    """The last serial number given out in a year; its row is locked while a serial is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("serial counter")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        TRAINING_CLASS = "class", _("Training class")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    training_class_id = models.PositiveBigIntegerField(_("training class id"), null=True, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    code = models.CharField(_("verification code"), max_length=32, unique=True, default=new_verification_code)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")

    # The snapshot printed on the certificate.
    holder_name = models.CharField(_("holder's name"), max_length=100)
    work_unit = models.CharField(_("work unit"), max_length=150, blank=True)
    title = models.CharField(_("title"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    hours = models.DecimalField(_("credit hours"), max_digits=6, decimal_places=2)
    completed_on = models.DateField(_("completion date"))
    # Class certificates: [{"title": …, "title_en": …, "hours": "2.00"}, …]
    courses = models.JSONField(_("courses"), default=list, blank=True)

    pdf = models.FileField(_("PDF"), storage=private_storage, upload_to="certificates/", blank=True, max_length=200)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("render attempts"), default=0)
    failure_reason = models.TextField(_("failure"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # Exactly one live certificate per learner and course / class; superseded ones
            # (kept for the audit trail) do not count.
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(kind="course") & ~Q(status="superseded"),
                name="certificates_one_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "training_class_id"],
                condition=Q(kind="class") & ~Q(status="superseded"),
                name="certificates_one_per_class",
            ),
            models.CheckConstraint(
                condition=(Q(kind="course") & Q(training_class_id__isnull=True))
                | (Q(kind="class") & Q(training_class_id__isnull=False) & Q(course__isnull=True)),
                name="certificates_kind_matches_subject",
            ),
        ]

    def __str__(self):
        return f"{self.serial} · {self.holder_name} · {self.title}"

    def title_for(self, language_code):
        if (language_code or "").startswith("en") and self.title_en:
            return self.title_en
        return self.title

    @property
    def printed_title(self):
        return self.title_for(self.language)

    @property
    def is_valid(self):
        return self.status == self.Status.ISSUED

    @property
    def is_public(self):
        """Issued at least once: verification shows it (valid, revoked or superseded)."""
        return self.issued_at is not None and self.status in {
            self.Status.ISSUED,
            self.Status.REVOKED,
            self.Status.SUPERSEDED,
        }


class CertificateEvent(models.Model):
    """The audit trail: who did what to a certificate, when and why."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Rendering failed")
        RETRIED = "retried", _("Rendering retried")
        REVOKED = "revoked", _("Revoked")
        REISSUED = "reissued", _("Reissued")
        SUPERSEDED = "superseded", _("Superseded")
        EMAILED = "emailed", _("Emailed to the holder")

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.certificate.serial} · {self.get_action_display()}"


class IssueBatch(models.Model):
    """Certificates staff issued together for a training class; the admin shows its progress."""

    training_class_id = models.PositiveBigIntegerField(_("training class id"), db_index=True)
    training_class_name = models.CharField(_("training class"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    certificates = models.ManyToManyField(
        Certificate, verbose_name=_("certificates"), related_name="batches", blank=True
    )
    skipped = models.PositiveIntegerField(_("members who have not completed"), default=0)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.training_class_name} · {self.created_at:%Y-%m-%d %H:%M}"
