"""Staff back office: list, revoke and reissue with an audit trail, bulk issue with progress, ZIP."""

import io
import zipfile

import pytest
from django.urls import reverse

from college.certificates.models import Certificate, CertificateEvent, IssueBatch
from courses import services as course_services
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import CertificateCourseFactory, CertificateTrainingClassFactory, complete_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    assert client.login(username=staff.username, password=PASSWORD)
    return client


def test_list_shows_certificates_with_status(staff_client, issued):
    response = staff_client.get(reverse("certificates_admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert issued.serial in html and "王晓枫" in html and "已颁发" in html
    filtered = staff_client.get(reverse("certificates_admin:index"), {"status": "failed"}).content.decode()
    assert issued.serial not in filtered


def test_learners_cannot_use_the_back_office(client, learner, issued):
    assert client.login(username=learner.username, password=PASSWORD)
    assert client.get(reverse("certificates_admin:edit", args=[issued.pk])).status_code in (302, 403)
    response = client.post(reverse("certificates_admin:edit", args=[issued.pk]), {"action": "revoke", "reason": "x"})
    assert response.status_code in (302, 403)
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED


def test_staff_revoke_with_reason_is_audited(staff_client, staff, issued):
    url = reverse("certificates_admin:edit", args=[issued.pk])
    response = staff_client.post(url, {"action": "revoke", "reason": "  "})
    assert response.status_code == 200  # the form again, with an error
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED
    response = staff_client.post(url, {"action": "revoke", "reason": "单位核查发现未参加考核"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revoked_by == staff
    event = issued.events.get(action=CertificateEvent.Action.REVOKED)
    assert event.actor == staff and event.reason == "单位核查发现未参加考核"
    page = staff_client.get(url).content.decode()
    assert "单位核查发现未参加考核" in page and "操作记录" in page
    # Revoking twice is refused with a message, not an error page.
    response = staff_client.post(url, {"action": "revoke", "reason": "again"})
    assert response.status_code == 200


def test_reissue_after_name_correction_supersedes_the_old_serial(
    staff_client, staff, learner, issued, django_capture_on_commit_callbacks
):
    learner.real_name = "王晓峰"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("certificates_admin:edit", args=[issued.pk]),
            {"action": "reissue", "reason": "姓名录入错误，更正为王晓峰"},
        )
    assert response.status_code == 302
    old = Certificate.objects.get(pk=issued.pk)
    new = Certificate.objects.get(replaces=old)
    assert old.status == Certificate.Status.SUPERSEDED
    assert new.status == Certificate.Status.ISSUED
    assert new.serial != old.serial and new.code != old.code
    assert new.holder_name == "王晓峰"
    assert response["Location"] == reverse("certificates_admin:edit", args=[new.pk])
    assert old.events.filter(action="superseded", actor=staff, reason__contains="姓名录入错误").exists()
    assert new.events.filter(action="reissued", actor=staff).exists()
    # Still one live certificate for the course.
    assert Certificate.objects.exclude(status="superseded").filter(user=learner).count() == 1


def test_add_and_delete_are_not_available(staff_client, issued):
    assert staff_client.get(reverse("certificates_admin:add")).status_code == 302
    staff_client.post(reverse("certificates_admin:delete", args=[issued.pk]))
    assert Certificate.objects.filter(pk=issued.pk).exists()


def test_unknown_action_and_missing_certificate(staff_client, issued):
    response = staff_client.post(reverse("certificates_admin:edit", args=[issued.pk]), {"action": "explode"})
    assert response.status_code == 302
    assert staff_client.get(reverse("certificates_admin:edit", args=[999999])).status_code == 404


@pytest.fixture
def finished_class(home_page, django_capture_on_commit_callbacks):
    """A class of three: two completed (certificates not yet issued), one still studying."""
    course = CertificateCourseFactory(home=home_page, slug="class-course", title="新时代枫桥经验")
    training_class = CertificateTrainingClassFactory(courses=[course])
    members = [UserFactory(real_name=name) for name in ("甲学员", "乙学员", "丙学员")]
    course_services.add_members(training_class, members)
    # Completing sends the signals; drop the on-commit work so that bulk issue does it.
    with django_capture_on_commit_callbacks(execute=False):
        complete_course(members[0], course)
        complete_course(members[1], course)
    return training_class, members


def test_bulk_issue_for_a_class_shows_progress_and_gives_a_zip(
    staff_client, finished_class, django_capture_on_commit_callbacks
):
    training_class, members = finished_class
    listing = staff_client.get(reverse("certificates_admin_classes")).content.decode()
    assert "枫桥经验专题培训班" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("certificates_admin_bulk_issue", args=[training_class.pk]))
    batch = IssueBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("certificates_admin_batch", args=[batch.pk])
    assert batch.certificates.count() == 2 and batch.skipped == 1
    progress = staff_client.get(reverse("certificates_admin_batch_progress", args=[batch.pk])).json()
    assert progress == {
        "total": 2,
        "done": 2,
        "issued": 2,
        "pending": 0,
        "failed": 0,
        "skipped": 1,
        "finished": True,
        "percent": 100,
    }
    page = staff_client.get(reverse("certificates_admin_batch", args=[batch.pk])).content.decode()
    assert "<progress" in page and "admin-progress.js" in page
    response = staff_client.get(reverse("certificates_admin_class_zip", args=[training_class.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(archive.namelist())
    assert len(names) == 2 and any("甲学员" in name for name in names) and any("乙学员" in name for name in names)
    assert all(archive.read(name)[:5] == b"%PDF-" for name in names)
    # Issuing again makes no duplicates.
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("certificates_admin_bulk_issue", args=[training_class.pk]))
    assert Certificate.objects.filter(kind="class", training_class_id=training_class.pk).count() == 2


def test_progress_counts_pending_work(staff_client, staff, finished_class, django_capture_on_commit_callbacks):
    from college.certificates import services

    training_class, _ = finished_class
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.bulk_issue_for_class(training_class, staff)
    progress = staff_client.get(reverse("certificates_admin_batch_progress", args=[batch.pk])).json()
    assert progress["pending"] == 2 and progress["finished"] is False and progress["percent"] == 0


def test_zip_of_a_class_without_certificates_is_404(staff_client, finished_class):
    training_class, _ = finished_class
    assert staff_client.get(reverse("certificates_admin_class_zip", args=[training_class.pk])).status_code == 404


def test_bulk_issue_needs_post_and_a_real_class(staff_client):
    assert staff_client.get(reverse("certificates_admin_bulk_issue", args=[1])).status_code == 302
    assert staff_client.post(reverse("certificates_admin_bulk_issue", args=[999999])).status_code == 404


def test_learners_cannot_bulk_issue_or_download_zips(client, learner, finished_class):
    training_class, _ = finished_class
    assert client.login(username=learner.username, password=PASSWORD)
    assert client.post(reverse("certificates_admin_bulk_issue", args=[training_class.pk])).status_code in (302, 403)
    assert client.get(reverse("certificates_admin_class_zip", args=[training_class.pk])).status_code in (302, 403)
    assert not IssueBatch.objects.exists()
