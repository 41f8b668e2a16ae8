"""My certificates, and the private PDF served only to its holder and to staff."""

import pytest
from django.conf import settings
from django.urls import reverse

from college.certificates import services
from college.certificates.models import Certificate
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_my_certificates_lists_and_downloads(client, learner, issued):
    login(client, learner)
    response = client.get(reverse("certificates:mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "枫桥经验概论" in html and issued.serial in html and "下载 PDF" in html
    download = client.get(reverse("certificates:download", args=[issued.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert f'filename="{issued.serial}.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


def test_my_certificates_needs_sign_in(client, issued):
    response = client.get(reverse("certificates:mine"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.get(reverse("certificates:download", args=[issued.pk]))
    assert response.status_code == 302


def test_another_learner_cannot_download(client, other_learner, issued):
    login(client, other_learner)
    assert client.get(reverse("certificates:download", args=[issued.pk])).status_code == 404
    assert issued.serial not in client.get(reverse("certificates:mine")).content.decode()


def test_staff_can_download_any_certificate(client, staff, issued):
    login(client, staff)
    assert client.get(reverse("certificates:download", args=[issued.pk])).status_code == 200


def test_unknown_certificate_download_is_404(client, learner):
    login(client, learner)
    assert client.get("/certificates/999999/download/").status_code == 404


def test_a_revoked_certificate_cannot_be_downloaded_by_its_holder(client, learner, staff, issued):
    services.revoke(issued, "错误颁发", staff)
    login(client, learner)
    assert client.get(reverse("certificates:download", args=[issued.pk])).status_code == 404
    html = client.get(reverse("certificates:mine")).content.decode()
    assert "已撤销" in html and "错误颁发" in html


def test_pdfs_are_in_private_storage_outside_media(client, issued):
    from pathlib import Path

    from django.core.files.storage import storages

    private = Path(storages["private"].location).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert private != media and media not in private.parents
    # The field stores in the "private" storage (the test points it at a temporary directory).
    assert Certificate._meta.get_field("pdf")._storage_callable() is storages["private"]
    assert media not in Path(issued.pdf.path).resolve().parents
    # Nothing under /media/ serves it.
    assert client.get(f"/media/{issued.pdf.name}").status_code == 404


def test_pending_certificate_is_listed_as_being_prepared(client, learner, course, django_capture_on_commit_callbacks):
    from .factories import CourseCompletionFactory

    CourseCompletionFactory(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=False):
        services.request_certificate(learner, course=course)
    login(client, learner)
    html = client.get(reverse("certificates:mine")).content.decode()
    assert "证书正在制作" in html and "下载 PDF" not in html
