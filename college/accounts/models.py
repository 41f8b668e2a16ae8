"""The college's user: one account per email address, with a cadre profile."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import validate_mobile


class User(AbstractUser):
    """A person who signs in: learner, staff member, editor or reviewer.

    ``username`` is kept (Wagtail and Django's admin expect it) but people sign
    in by email; allauth fills the username in from the address at sign-up.
    """

    email = models.EmailField(_("email address"), blank=True, db_index=True)
    real_name = models.CharField(_("real name"), max_length=50, blank=True)
    work_unit = models.CharField(_("work unit"), max_length=120, blank=True)
    position = models.CharField(_("position"), max_length=80, blank=True)
    region = models.CharField(_("region"), max_length=80, blank=True)
    # The unit from the organisations tree; ``work_unit`` keeps what the person typed (and what
    # older accounts have), until staff or the matching service link it to a unit.
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cadres",
    )
    mobile = models.CharField(_("mobile phone"), max_length=20, blank=True, validators=[validate_mobile])

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self) -> str:
        return self.real_name or self.get_full_name() or self.email or self.username

    def __str__(self):
        return self.display_name
