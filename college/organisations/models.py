"""The organisations cadres work in, as one tree, and who administers which part of it.

A ``Unit`` is a node of a materialised-path tree (django-treebeard's ``MP_Node``): its ``path``
is its ancestors' paths plus four characters, so "this unit and everything below it" is one
``path__startswith`` filter and a report can group cadres by a path prefix in the database.
Who may see which units and cadres is answered in ``scoping.py`` and nowhere else.
"""

import hashlib

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from treebeard.mp_tree import MP_Node

#: A unit's code: letters, digits and - _ . (stored in upper case), e.g. ``330681`` or ``330681-GAJ``.
validate_unit_code = RegexValidator(
    r"^[A-Z0-9][A-Z0-9._-]*$",
    _("Use letters, digits, “-”, “_” or “.”, starting with a letter or digit."),
)


class UnitType(models.TextChoices):
    """The kinds of unit the political-legal system is made of."""

    GOVERNMENT = "government", _("Party committee or government")
    POLITICAL_LEGAL = "committee", _("Political-legal committee")
    COURT = "court", _("Court")
    PROCURATORATE = "procuratorate", _("Procuratorate")
    PUBLIC_SECURITY = "police", _("Public security")
    JUSTICE = "justice", _("Justice administration")
    VILLAGE = "village", _("Village or community")
    OTHER = "other", _("Other")


class Unit(MP_Node):
    """A work unit (工作单位) or a region's unit: 浙江省 → 绍兴市 → 诸暨市 → 枫桥镇 → 枫桥镇司法所."""

    # Contexts keep these apart from the same words of other apps ("name" of a person: 姓名).
    name = models.CharField(pgettext_lazy("unit", "name"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    unit_type = models.CharField(_("type"), max_length=16, choices=UnitType.choices, default=UnitType.OTHER)
    code = models.CharField(
        pgettext_lazy("unit", "code"),
        max_length=40,
        unique=True,
        validators=[validate_unit_code],
        help_text=_("A unique code, e.g. the administrative division code 330681; letters are stored in upper case."),
    )
    active = models.BooleanField(
        pgettext_lazy("unit", "active"),
        default=True,
        help_text=_("Inactive units cannot be chosen by learners; deactivating a unit deactivates its sub-units."),
    )
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names of this unit, one per line: free-text work units with one of them are matched to it."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Records of the organisation, not content: keep them out of Wagtail's reference index.
    wagtail_reference_index_ignore = True
    # Siblings are kept in code order, so that the tree reads the same in every listing.
    node_order_by = ["code"]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        permissions = [("view_all_cadres", _("Can see the cadres and reports of every unit"))]

    def __str__(self):
        return self.name

    def name_for(self, language: str | None) -> str:
        """The unit's name in ``language`` (English when one is given, else the Chinese name)."""
        if language and language.startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def tree_label(self) -> str:
        """The name indented by depth (ideographic spaces, which HTML does not collapse)."""
        return "\u3000" * (self.depth - 1) + self.name

    tree_label.short_description = pgettext_lazy("unit", "name")
    tree_label.admin_order_field = "path"

    def alias_list(self) -> list[str]:
        """The other names, one per non-empty line."""
        return [line.strip() for line in (self.aliases or "").splitlines() if line.strip()]

    def ancestor_paths(self) -> list[str]:
        """The paths of the unit's ancestors, from the root down (no query)."""
        return [self.path[:end] for end in range(self.steplen, len(self.path), self.steplen)]

    def is_within(self, other: "Unit") -> bool:
        """True when this unit is ``other`` or below it."""
        return self.path.startswith(other.path)


class UnitAdministrator(models.Model):
    """A unit administrator (单位管理员): sees and looks after the cadres of a unit and its sub-units."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrator"),
        on_delete=models.CASCADE,
        related_name="administered_units",
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="administrators")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        verbose_name = _("unit administrator")
        verbose_name_plural = _("unit administrators")
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="one_grant_per_user_and_unit")]

    def __str__(self):
        return f"{self.user} · {self.unit}"


def hash_token(raw: str) -> str:
    """The stored form of an API token: its SHA-256 (tokens are long random strings, so a fast hash is safe)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class UnitApiToken(models.Model):
    """The bearer token a unit's HR system uses to read its cadres' hours; only its hash is stored."""

    wagtail_reference_index_ignore = True

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("token begins with"), max_length=16, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("HR API token")
        verbose_name_plural = _("HR API tokens")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(revoked_at__isnull=True), name="one_live_token_per_unit"
            )
        ]

    def __str__(self):
        return f"{self.unit} · {self.prefix}…"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None


class CadreReminder(models.Model):
    """A reminder email to a cadre behind this year's target, asked for by a unit administrator.

    The rows are the rate limit's memory (one per cadre per ``COLLEGE_UNIT_REMINDER_INTERVAL_HOURS``)
    and the audit trail of who reminded whom.
    """

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="unit_reminders"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [models.Index(fields=["user", "-requested_at"], name="reminder_user_latest")]

    def __str__(self):
        return f"{self.user} · {self.requested_at:%Y-%m-%d %H:%M}"


# ---------------------------------------------------------------------------
# Offline hours declared by cadres (学时申报), approved by their unit (declarations.py)
# ---------------------------------------------------------------------------
class ActivityType(models.TextChoices):
    """The offline activities a cadre may declare hours for."""

    TRAINING = "training", _("In-person training")
    TEACHING = "teaching", _("On-site teaching at the college")
    STUDY_VISIT = "visit", _("Study visit")
    LECTURE = "lecture", _("Lecture")
    READING = "reading", _("Self-study of a designated reading")


class ActivityRule(models.Model):
    """The rules of one activity type, which training staff edit: the most hours per activity and
    per calendar year, whether the college confirms after the unit, and the kind of hours credited."""

    wagtail_reference_index_ignore = True

    activity_type = models.CharField(_("activity type"), max_length=16, choices=ActivityType.choices, unique=True)
    max_hours_per_activity = models.DecimalField(
        _("most hours per activity"), max_digits=6, decimal_places=2, default=8, validators=[MinValueValidator(0.5)]
    )
    max_hours_per_year = models.DecimalField(
        _("most hours per year"),
        max_digits=6,
        decimal_places=2,
        default=40,
        validators=[MinValueValidator(0.5)],
        help_text=_("Declared and approved hours of this type in one calendar year, all activities together."),
    )
    needs_college_confirmation = models.BooleanField(
        _("college confirms"),
        default=False,
        help_text=_("After the unit approves, training staff of the college confirm before the hours count."),
    )
    credit_type = models.CharField(
        _("credited as"),
        max_length=10,
        choices=[("required", _("Required")), ("elective", _("Elective"))],
        default="elective",
    )
    evidence_required = models.BooleanField(_("evidence required"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("declaration rule")
        verbose_name_plural = _("declaration rules")
        ordering = ["activity_type"]

    def __str__(self):
        return str(self.get_activity_type_display())


class DeclarationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the unit")
    UNIT_APPROVED = "unit_approved", _("Waiting for the college")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class HoursDeclaration(models.Model):
    """Hours a cadre declares for an offline activity, with its evidence and its decisions."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="hours_declarations"
    )
    # The cadre's unit when they declared: the unit whose administrators decide.
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="declarations")
    activity_type = models.CharField(_("activity type"), max_length=16, choices=ActivityType.choices)
    title = models.CharField(_("activity"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=100)
    activity_date = models.DateField(_("date of the activity"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    credit_type = models.CharField(_("credited as"), max_length=10)
    needs_college_confirmation = models.BooleanField(_("college confirms"), default=False)
    evidence = models.FileField(_("evidence"), storage=private_storage, upload_to="declarations/", blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=200, blank=True)
    evidence_type = models.CharField(max_length=40, blank=True)
    visit = models.ForeignKey(
        "visits.VisitRequest",
        verbose_name=_("study visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DeclarationStatus.choices, default=DeclarationStatus.SUBMITTED
    )
    credit_entry = models.OneToOneField(
        "courses.CreditEntry",
        verbose_name=_("ledger entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declaration",
    )
    # The cadre's language when declaring: the decision's email is written in it.
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    created_at = models.DateTimeField(_("declared at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("hours declaration")
        verbose_name_plural = _("hours declarations")
        ordering = ["-created_at", "-pk"]
        permissions = [("confirm_hoursdeclaration", _("Can confirm declared hours for the college"))]
        indexes = [models.Index(fields=["status", "created_at"], name="declaration_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="declaration_hours_positive"),
            models.UniqueConstraint(
                fields=["user", "visit"], condition=models.Q(visit__isnull=False), name="one_declaration_per_visit"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.title} · {self.hours}"

    @property
    def is_open(self) -> bool:
        return self.status in (DeclarationStatus.SUBMITTED, DeclarationStatus.UNIT_APPROVED)


class DeclarationEvent(models.Model):
    """The audit trail of a declaration: who submitted, approved, rejected or confirmed it, and when."""

    wagtail_reference_index_ignore = True

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNIT_APPROVED = "unit_approved", _("Approved by the unit")
        UNIT_REJECTED = "unit_rejected", _("Rejected by the unit")
        CONFIRMED = "confirmed", _("Confirmed by the college")
        COLLEGE_REJECTED = "college_rejected", _("Rejected by the college")
        CREDITED = "credited", _("Hours entered in the ledger")

    declaration = models.ForeignKey(HoursDeclaration, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
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
        verbose_name = _("declaration history entry")
        verbose_name_plural = _("declaration history")

    def __str__(self):
        return f"{self.get_action_display()} {self.comment}".strip()
