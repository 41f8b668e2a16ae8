"""Turning a certificate into HTML and then a PDF with WeasyPrint.

The page is A4 landscape and set in Noto Serif/Sans CJK (fonts-noto-cjk), which WeasyPrint
embeds as subsets; the QR code is an inline SVG and the seal a data URI, so rendering needs
no network and no web server.
"""

import base64
import functools
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.safestring import mark_safe

from college.core.models import CollegeSettings

from . import fonts, links

SEAL_RENDITION = "max-500x500|format-png"


@functools.lru_cache(maxsize=8)
def _seal_data_uri(image_id, file_name):
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    rendition = image.get_rendition(SEAL_RENDITION)
    with rendition.file.open("rb") as handle:
        data = handle.read()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def seal_data_uri(college):
    """The seal from the college settings as a data URI ('' when none is set)."""
    if not college.seal_id:
        return ""
    try:
        return _seal_data_uri(college.seal_id, college.seal.file.name)
    except (OSError, ValueError):
        return ""


def hours_display(value):
    """2.00 → "2", 1.50 → "1.5"."""
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def certificate_context(certificate):
    college = CollegeSettings.load()
    language = certificate.language
    english = language.startswith("en")
    with translation.override(language):
        completed_on = formats.date_format(certificate.completed_on, "j F Y" if english else "Y年n月j日")
    return {
        "certificate": certificate,
        "lang": "en" if english else "zh-Hans",
        "english": english,
        "college_name": college.name_for(language),
        "college_name_other": college.name_zh if english else college.name_en,
        "seal": seal_data_uri(college),
        "title": certificate.printed_title,
        "hours": hours_display(certificate.hours),
        "completed_on": completed_on,
        "courses": [
            {
                "title": (item.get("title_en") or item["title"]) if english else item["title"],
                "hours": hours_display(Decimal(item["hours"])),
            }
            for item in certificate.courses
        ],
        "qr": links.qr_svg_data_uri(links.qr_url(certificate)),
        "short_link": links.verification_url(certificate),
        "font_css": mark_safe(fonts.font_face_css()),  # noqa: S308 (made here from file paths)
    }


def render_html(certificate):
    """The certificate's HTML, in its own language."""
    context = certificate_context(certificate)
    with translation.override(certificate.language):
        return render_to_string("certificates/pdf/certificate.html", context)


_font_config = None


def font_configuration():
    """One WeasyPrint FontConfiguration per process, reused by every render.

    The stylesheet's @font-face rules are the same for every certificate, so loading them
    once halves the render time and keeps a worker process's memory flat (~180 MB instead of
    ~300 MB). Celery's prefork children render one certificate at a time.
    """
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def html_to_pdf(html):
    import weasyprint

    return weasyprint.HTML(string=html, base_url=None).write_pdf(font_config=font_configuration())


def render_pdf(certificate):
    """The certificate as PDF bytes."""
    return html_to_pdf(render_html(certificate))
