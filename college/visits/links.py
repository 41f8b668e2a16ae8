"""Addresses and codes a group carries: the status-page URL and its QR code."""

import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation


def status_url(visit, language=None) -> str:
    """The absolute address of the request's status page, in its leader's language."""
    with translation.override(language or visit.language):
        path = reverse("visits:status", args=[visit.code])
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def qr_code(visit):
    # The QR code holds the status-page URL: a phone camera opens it, and the
    # reception's check-in field accepts the URL as well as the bare code.
    return segno.make(status_url(visit), error="m")


def qr_png(visit) -> bytes:
    buffer = io.BytesIO()
    qr_code(visit).save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def qr_svg(visit) -> str:
    buffer = io.BytesIO()
    qr_code(visit).save(buffer, kind="svg", scale=6, border=2, xmldecl=False, svgns=True, title=visit.code)
    return buffer.getvalue().decode()
