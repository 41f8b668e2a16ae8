"""Links printed on and sent with a certificate: the verification link, the signed QR code, the download link.

The QR code carries the verification URL plus a signature over what the certificate states, so a
scanned code whose certificate was altered shows as tampered. Rendering (``rendering``) prints these
links; the rules (``services``) mail them and the verify page checks the signature.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare

if TYPE_CHECKING:
    from .models import Certificate


def site_url() -> str:
    """The site's address without a trailing slash (SITE_URL): absolute links start with it."""
    return (getattr(settings, "SITE_URL", "") or getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")


def _signer() -> signing.Signer:
    return signing.Signer(salt="college.certificates.qr", algorithm="sha256")


def signed_fields(certificate: Certificate) -> str:
    """The statements the QR signature covers: serial, holder, title, hours and date."""
    return "|".join(
        [
            certificate.serial,
            certificate.holder_name,
            certificate.printed_title,
            f"{Decimal(certificate.hours).normalize():f}",
            certificate.completed_on.isoformat(),
        ]
    )


def signature(certificate: Certificate) -> str:
    """The signature over the certificate's statements that the QR code carries."""
    return _signer().signature(signed_fields(certificate))


def signature_matches(certificate: Certificate, value: str | None) -> bool:
    """Whether ``value`` (from a scanned QR code) is the certificate's signature."""
    if not value:
        return False
    return constant_time_compare(signature(certificate), value)


def verification_path(certificate: Certificate, language: str | None = None) -> str:
    """The verify page's path, in ``language`` or the certificate's own."""
    with translation.override(language or certificate.language):
        return reverse("certificates:verify", kwargs={"code": certificate.code})


def verification_url(certificate: Certificate) -> str:
    """The printed short link (no signature)."""
    return site_url() + verification_path(certificate)


def qr_url(certificate: Certificate) -> str:
    """What the QR code carries: the verification URL plus the signature."""
    return f"{verification_url(certificate)}?s={signature(certificate)}"


def download_url(certificate: Certificate) -> str:
    """The absolute link to the certificate's PDF (sent in the email)."""
    with translation.override(certificate.language):
        return site_url() + reverse("certificates:download", kwargs={"pk": certificate.pk})


def qr_svg_data_uri(data: str) -> str:
    """A QR code of ``data`` as an SVG data URI, to print on the certificate."""
    import segno

    qr = segno.make(data, error="m", micro=False)
    return qr.svg_data_uri(scale=4, border=0, dark="#1b1b1b")
