import pytest

from tests.accounts.factories import UserFactory

from .factories import CertificateCourseFactory


@pytest.fixture(autouse=True)
def private_media(tmp_path, monkeypatch):
    """PDFs go to a fresh private directory per test (the field's storage points there)."""
    from django.core.files.storage import FileSystemStorage

    from college.certificates.models import Certificate

    root = tmp_path / "private"
    monkeypatch.setattr(
        Certificate._meta.get_field("pdf"), "storage", FileSystemStorage(location=str(root), base_url=None)
    )
    return root


@pytest.fixture
def learner(db):
    return UserFactory(roles=["Learners"], real_name="王晓枫", work_unit="诸暨市枫桥派出所")


@pytest.fixture
def other_learner(db):
    return UserFactory(roles=["Learners"], real_name="李明")


@pytest.fixture
def staff(db):
    return UserFactory(roles=["Training staff"])


@pytest.fixture
def course(home_page):
    return CertificateCourseFactory(home=home_page)


@pytest.fixture
def issued(learner, course, django_capture_on_commit_callbacks):
    """An issued course certificate of ``learner``."""
    from college.certificates.models import Certificate

    from .factories import complete_course

    with django_capture_on_commit_callbacks(execute=True):
        complete_course(learner, course)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.status == Certificate.Status.ISSUED
    return certificate
