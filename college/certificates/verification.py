"""What the public verification page and API say about a code."""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Certificate, CertificateEvent

# secrets.token_urlsafe(16) makes 22 characters; accept a little more for future lengths.
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,43}$")


def is_well_formed(code):
    return bool(code) and bool(CODE_PATTERN.match(code))


def find(code):
    """The certificate a code names, if it was ever issued; None for unknown or malformed codes."""
    if not is_well_formed(code):
        return None
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None or not certificate.is_public:
        return None
    return certificate


@dataclass
class Verdict:
    certificate: Certificate
    status: str  # "valid" | "revoked"
    superseded: bool
    revoked_on: object
    reason: str
    replacement: Certificate | None


def verdict(certificate):
    """Valid, revoked (with date and reason), or superseded (reported as revoked, with why)."""
    Status = Certificate.Status
    if certificate.status == Status.ISSUED:
        return Verdict(certificate, "valid", False, None, "", None)
    if certificate.status == Status.REVOKED:
        return Verdict(
            certificate, "revoked", False, timezone.localdate(certificate.revoked_at), certificate.revoked_reason, None
        )
    replacement = services.current_replacement(certificate)
    event = certificate.events.filter(action=CertificateEvent.Action.SUPERSEDED).order_by("-at").first()
    why = event.reason if event else ""
    reason = _("Replaced by certificate %(serial)s.") % {"serial": replacement.serial}
    if why:
        reason = f"{reason} {why}"
    return Verdict(
        certificate,
        "revoked",
        True,
        timezone.localdate(certificate.superseded_at) if certificate.superseded_at else None,
        reason,
        replacement,
    )


def hours_number(value):
    return int(value) if value == int(value) else float(value)


def as_json(result):
    """The API's body: exactly the documented fields."""
    certificate = result.certificate
    return {
        "status": result.status,
        "serial": certificate.serial,
        "holder": certificate.holder_name,
        "title": certificate.printed_title,
        "hours": hours_number(certificate.hours),
        "issued_on": timezone.localdate(certificate.issued_at).isoformat(),
        "revoked_on": result.revoked_on.isoformat() if result.revoked_on else None,
        "reason": result.reason or None,
    }
