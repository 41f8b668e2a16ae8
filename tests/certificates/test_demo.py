"""The demo: the demo learner's completed course has an issued certificate, even with no worker."""

import pytest

from college.certificates import demo, services
from college.certificates.models import Certificate
from college.core.models import CollegeSettings

from .factories import CertificateCourseFactory, CourseCompletionFactory

pytestmark = pytest.mark.django_db


def test_demo_learner_gets_an_issued_certificate_without_a_worker(home_page, monkeypatch):
    from college.accounts import demo as accounts_demo
    from college.accounts.models import User

    accounts_demo.seed()
    learner = User.objects.get(email=demo.DEMO_LEARNER)
    course = CertificateCourseFactory(home=home_page)
    CourseCompletionFactory(user=learner, course=course)
    # No worker: enqueued tasks go nowhere.
    monkeypatch.setattr(services, "enqueue_render", lambda certificate: None)
    demo.seed()
    certificate = Certificate.objects.get(user=learner)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.holder_name == "王学员"
    assert certificate.pdf.read()[:5] == b"%PDF-"
    assert CollegeSettings.load().seal_id is not None
    # Idempotent: a second run changes nothing.
    demo.seed()
    assert Certificate.objects.filter(user=learner).count() == 1
    assert Certificate.objects.get(pk=certificate.pk).issued_at == certificate.issued_at


def test_demo_keeps_a_seal_staff_uploaded(home_page):
    first = demo.ensure_seal()
    assert demo.ensure_seal().pk == first.pk


def test_drawn_seal_is_a_png():
    data = demo.draw_seal()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
