"""Evidence files and a fixed day for the declaration tests."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from .factories import YEAR

#: The day the declaration tests run on (in the college's time zone).
TODAY = datetime.date(YEAR, 9, 15)
NOW = "2026-09-15T10:00:00+08:00"


def pdf_file(name="certificate.pdf", size=0):
    body = b"%PDF-1.4\n1 0 obj <<>> endobj\n" + b"0" * size + b"\ntrailer <<>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png_file(name="photo.png"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def zip_as_pdf(name="certificate.pdf"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "not a pdf")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def fields(**overrides):
    data = {
        "activity_type": "lecture",
        "title": "新时代枫桥经验专题讲座",
        "organiser": "诸暨市委政法委",
        "activity_date": datetime.date(YEAR, 9, 1),
        "hours": "3",
    }
    data.update(overrides)
    return data
