"""Validation of the personal data a profile holds."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mainland China mobile numbers: 11 digits starting 13–19, optionally written
# with the +86 / 0086 country code and spaces or hyphens.
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalise_mobile(value: str) -> str:
    """Return the bare 11-digit form of a mainland mobile number as typed."""
    digits = re.sub(r"[\s\-()]", "", value or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    return digits


def validate_mobile(value: str) -> None:
    """Refuse anything that is not a mainland China mobile number."""
    if not _MOBILE_RE.match(normalise_mobile(value)):
        raise ValidationError(
            _("Enter a valid mainland China mobile number, e.g. 13800138000."),
            code="invalid_mobile",
        )
