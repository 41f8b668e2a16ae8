"""Links printed on and sent with a certificate: the verification link, the signed QR code, the download link.

The QR code carries the verification URL plus a signature over what the certificate states, so a
scanned code whose certificate was altered shows as tampered. Rendering (``rendering``) prints these
links; the rules (``services``) mail them and the verify page checks the signature.
"""

from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare


def site_url():
    return (getattr(settings, "SITE_URL", "") or getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")


def _signer():
    return signing.Signer(salt="college.certificates.qr", algorithm="sha256")


def signed_fields(certificate):
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


def signature(certificate):
    return _signer().signature(signed_fields(certificate))


def signature_matches(certificate, value):
    return bool(value) and constant_time_compare(signature(certificate), value)


def verification_path(certificate, language=None):
    with translation.override(language or certificate.language):
        return reverse("certificates:verify", kwargs={"code": certificate.code})


def verification_url(certificate):
    """The printed short link (no signature)."""
    return site_url() + verification_path(certificate)


def qr_url(certificate):
    """What the QR code carries: the verification URL plus the signature."""
    return f"{verification_url(certificate)}?s={signature(certificate)}"


def download_url(certificate):
    with translation.override(certificate.language):
        return site_url() + reverse("certificates:download", kwargs={"pk": certificate.pk})


def qr_svg_data_uri(data):
    import segno

    qr = segno.make(data, error="m", micro=False)
    return qr.svg_data_uri(scale=4, border=0, dark="#1b1b1b")
