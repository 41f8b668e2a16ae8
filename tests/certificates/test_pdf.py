"""The PDF itself: Chinese text, embedded fonts, a QR code that leads to the verification page."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from college.certificates import rendering, services
from college.certificates.models import Certificate

from .factories import complete_course

pytestmark = pytest.mark.django_db

OUTPUT = Path("/tmp/certificates-test-output")


def issued_pdf(learner, course, tmp_path, capture, language="zh-hans"):
    with capture(execute=True):
        complete_course(learner, course, language=language)
    certificate = Certificate.objects.get(user=learner)
    path = tmp_path / f"{certificate.serial}.pdf"
    path.write_bytes(certificate.pdf.read())
    return certificate, path


def pdftotext(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_image(path, tmp_path, dpi=150):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    return tmp_path / "page.png"


def decode_qr(png):
    import zxingcpp

    results = zxingcpp.read_barcodes(Image.open(png))
    return [result.text for result in results if result.format == zxingcpp.BarcodeFormat.QRCode]


def test_pdf_is_a4_landscape_with_the_chinese_name_as_text(
    learner, course, tmp_path, django_capture_on_commit_callbacks
):
    certificate, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks)
    text = pdftotext(path)
    assert "王晓枫" in text
    assert "诸暨市枫桥派出所" in text
    assert "枫桥经验概论" in text
    assert certificate.serial in text
    assert "绍兴枫桥学院" in text
    assert "2026年11月20日" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    # A4 landscape: 842 x 595 points.
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (842, 595)
    assert re.search(r"Pages:\s+1\n", info)


def test_every_font_is_embedded_and_a_cjk_font_is_used(learner, course, tmp_path, django_capture_on_commit_callbacks):
    _, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    # The small copy of Noto Serif CJK (college/certificates/fonts.py) or the system Noto CJK.
    assert any("FQ-Serif" in line or "CJK" in line for line in lines)
    for line in lines:
        # columns: name type encoding emb sub uni object ID
        assert line.split()[-5] == "yes", f"font not embedded: {line}"


def test_qr_code_decodes_to_the_signed_verification_url(learner, course, tmp_path, django_capture_on_commit_callbacks):
    certificate, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks)
    png = page_image(path, tmp_path)
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(png, OUTPUT / "certificate-zh.png")
    decoded = decode_qr(png)
    assert decoded == [services.qr_url(certificate)]
    assert decoded[0].startswith(f"http://testserver/certificates/verify/{certificate.code}/?s=")
    # The printed short link is the same page without the signature.
    assert f"http://testserver/certificates/verify/{certificate.code}/" in pdftotext(path).replace("\n", "").replace(
        " ", ""
    )


def test_english_certificate_is_in_english(learner, course, tmp_path, django_capture_on_commit_callbacks):
    certificate, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks, language="en")
    png = page_image(path, tmp_path)
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(png, OUTPUT / "certificate-en.png")
    text = " ".join(pdftotext(path).split())
    assert "Certificate of Completion" in text
    assert "Introduction to the Fengqiao Experience" in text
    assert "王晓枫" in text
    assert "Shaoxing Fengqiao College" in text
    assert decode_qr(png) == [services.qr_url(certificate)]
    assert "/en/certificates/verify/" in services.qr_url(certificate)


def test_the_seal_from_college_settings_is_printed(learner, course, tmp_path, django_capture_on_commit_callbacks):
    from college.certificates.demo import ensure_seal
    from college.core.models import CollegeSettings

    ensure_seal()
    assert CollegeSettings.load().seal_id
    rendering._seal_data_uri.cache_clear()
    certificate, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks)
    html = rendering.render_html(certificate)
    assert 'class="seal" src="data:image/png;base64,' in html
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(page_image(path, tmp_path), OUTPUT / "certificate-seal.png")
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) > 2, "the seal image is not in the PDF"


def test_rare_name_characters_fall_back_to_the_full_cjk_font(
    learner, course, tmp_path, django_capture_on_commit_callbacks
):
    learner.real_name = "王堃喆"  # neither character is in GB 2312
    learner.save()
    _, path = issued_pdf(learner, course, tmp_path, django_capture_on_commit_callbacks)
    assert "王堃喆" in pdftotext(path)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Serif-CJK-SC" in fonts
