"""A learner finds a certificate, downloads it and checks it; a visitor checks a revoked one."""

from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from college.certificates import services
from college.certificates.models import Certificate
from tests.accounts.factories import PASSWORD, UserFactory
from tests.certificates.factories import CertificateCourseFactory, CourseCompletionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path("/tmp/certificates-screenshots")


@pytest.fixture
def issued(home_page, tmp_path, monkeypatch):
    monkeypatch.setattr(Certificate._meta.get_field("pdf"), "storage", FileSystemStorage(location=str(tmp_path)))
    learner = UserFactory(real_name="王晓枫", work_unit="诸暨市枫桥派出所")
    course = CertificateCourseFactory(home=home_page)
    CourseCompletionFactory(user=learner, course=course)
    certificate = services.request_certificate(learner, course=course)  # eager: rendered on commit
    certificate.refresh_from_db()
    assert certificate.status == "issued"
    return learner, certificate


def test_learner_downloads_and_verifies_a_certificate(page, issued):
    learner, certificate = issued
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto("/accounts/login/?next=/certificates/mine/")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/certificates/mine/")
    card = page.locator(".certificate")
    assert "枫桥经验概论" in card.inner_text() and certificate.serial in card.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "mine-desktop.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 PDF").click()
    assert download.value.suggested_filename == f"{certificate.serial}.pdf"
    page.get_by_role("link", name="查验页面").click()
    assert page.locator(".verdict__label").first.inner_text() == "证书有效"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(services.qr_url(certificate).replace("http://testserver", ""))
    assert "二维码签名核验一致" in page.locator(".verdict").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "verify-phone.png"), full_page=True)


def test_visitor_sees_a_revoked_certificate(page, issued):
    learner, certificate = issued
    services.revoke(certificate, "单位核查发现信息有误", UserFactory())
    page.goto(f"/certificates/verify/{certificate.code}/")
    verdict = page.locator(".verdict")
    assert "证书已撤销" in verdict.inner_text() and "单位核查发现信息有误" in verdict.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "revoked-desktop.png"), full_page=True)


def test_staff_bulk_issue_shows_the_progress_bar_filling(page, home_page, tmp_path, monkeypatch):
    from courses import services as course_services
    from tests.certificates.factories import CertificateTrainingClassFactory, complete_course

    monkeypatch.setattr(Certificate._meta.get_field("pdf"), "storage", FileSystemStorage(location=str(tmp_path)))
    staff = UserFactory(roles=["Training staff"])
    course = CertificateCourseFactory(home=home_page)
    training_class = CertificateTrainingClassFactory(courses=[course])
    members = [UserFactory(real_name=name) for name in ("甲学员", "乙学员")]
    course_services.add_members(training_class, members)
    for member in members:
        complete_course(member, course)  # receivers request and (eagerly) render them
    Certificate.objects.all().delete()  # start the class from scratch: staff issue them in bulk

    page.goto("/accounts/login/?next=/admin/certificates/classes/")
    page.fill("input[name=login]", staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/admin/certificates/classes/")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-classes.png"), full_page=True)
    page.get_by_role("button", name="颁发证书").click()
    page.wait_for_url("**/admin/certificates/batches/*/")
    page.wait_for_function("document.querySelector('#batch-progress').value === 100")
    assert page.locator("[data-field=issued]").inner_text() == "2"
    assert page.locator("[data-finished]").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "admin-batch.png"), full_page=True)
    assert Certificate.objects.filter(status="issued").count() == 2
