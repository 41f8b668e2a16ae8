"""Requesting and issuing certificates: once per learner and course/class, idempotent tasks."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from college.certificates import services, tasks
from college.certificates.models import Certificate, CertificateEvent, SerialCounter
from courses import services as course_services

from .factories import (
    CertificateCourseFactory,
    CertificateTrainingClassFactory,
    CourseCompletionFactory,
    complete_course,
)

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_completing_a_course_issues_a_certificate_after_commit(learner, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(learner, course)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.kind == Certificate.Kind.COURSE
    assert certificate.course_id == course.pk
    assert certificate.holder_name == "王晓枫"
    assert certificate.work_unit == "诸暨市枫桥派出所"
    assert certificate.title == "枫桥经验概论"
    assert certificate.title_en == "Introduction to the Fengqiao Experience"
    assert certificate.hours == 2
    assert str(certificate.completed_on) == "2026-11-20"
    assert re.fullmatch(r"FQ-\d{4}-\d{6}", certificate.serial)
    assert certificate.pdf.read()[:5] == b"%PDF-"
    assert list(certificate.events.values_list("action", flat=True)) == ["requested", "issued", "emailed"]
    # The learner is told, with a link to the download.
    assert len(mail.outbox) == 1
    assert learner.email in mail.outbox[0].to
    assert certificate.serial in mail.outbox[0].subject
    assert f"/certificates/{certificate.pk}/download/" in mail.outbox[0].body


def test_nothing_is_enqueued_before_the_completion_commits(learner, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete_course(learner, course)
    # The signal itself waits for the commit, so no certificate exists yet.
    assert not Certificate.objects.exists()
    assert len(callbacks) == 1


def test_english_site_learner_gets_an_english_certificate(learner, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(learner, course, language="en")
    certificate = Certificate.objects.get(user=learner)
    assert certificate.language == "en"
    assert certificate.printed_title == "Introduction to the Fengqiao Experience"
    assert "Your certificate" in mail.outbox[0].subject
    assert "/en/certificates/" in mail.outbox[0].body


def test_requesting_twice_gives_one_certificate(learner, course, django_capture_on_commit_callbacks):
    CourseCompletionFactory(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.request_certificate(learner, course=course)
        second = services.request_certificate(learner, course=course)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_running_the_task_twice_issues_once(learner, course, django_capture_on_commit_callbacks):
    CourseCompletionFactory(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.request_certificate(learner, course=course)
    tasks.render_certificate.delay(certificate.pk)
    tasks.render_certificate.delay(certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.events.filter(action=CertificateEvent.Action.ISSUED).count() == 1
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_live_certificate(learner, course, django_capture_on_commit_callbacks):
    CourseCompletionFactory(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.request_certificate(learner, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            user=learner,
            kind=Certificate.Kind.COURSE,
            course_id=course.pk,
            serial="FQ-2026-999999",
            holder_name="x",
            title="x",
            hours=1,
            completed_on=certificate.completed_on,
        )


def test_no_certificate_without_a_completion(learner, course):
    with pytest.raises(services.NotEligible):
        services.request_certificate(learner, course=course)
    assert not Certificate.objects.exists()


def test_serials_count_up_within_the_year(learner, other_learner, course, django_capture_on_commit_callbacks):
    CourseCompletionFactory(user=learner, course=course)
    CourseCompletionFactory(user=other_learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.request_certificate(learner, course=course)
        second = services.request_certificate(other_learner, course=course)
    number = lambda serial: int(serial.rsplit("-", 1)[1])  # noqa: E731
    assert number(second.serial) == number(first.serial) + 1
    assert first.code != second.code
    # Codes are random (>= 80 bits), not derived from the serial.
    assert len(first.code) >= 16 and first.serial not in first.code


@pytest.fixture
def eager_retries(monkeypatch):
    """Eager tasks follow their retries only when exceptions are not propagated to the caller."""
    from college.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


def test_transient_failure_retries_then_issues(
    learner, course, monkeypatch, eager_retries, django_capture_on_commit_callbacks
):
    from college.certificates import rendering

    CourseCompletionFactory(user=learner, course=course)
    real = rendering.render_pdf
    calls = []

    def flaky(certificate):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk briefly unavailable")
        return real(certificate)

    monkeypatch.setattr(rendering, "render_pdf", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.request_certificate(learner, course=course)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.attempts == 2


def test_backoff_grows_and_is_capped():
    assert [tasks.backoff_seconds(n) for n in range(4)] == [10, 20, 40, 80]
    assert tasks.backoff_seconds(20) == 600


def test_permanent_failure_marks_failed_and_a_new_request_retries(
    learner, course, monkeypatch, django_capture_on_commit_callbacks
):
    from college.certificates import rendering

    CourseCompletionFactory(user=learner, course=course)
    monkeypatch.setattr(rendering, "render_pdf", lambda certificate: 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.request_certificate(learner, course=course)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.FAILED
    assert "ZeroDivisionError" in certificate.failure_reason
    assert not certificate.pdf
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = services.request_certificate(learner, course=course)
    again.refresh_from_db()
    assert again.pk == certificate.pk
    assert again.status == Certificate.Status.ISSUED


def test_transient_failures_give_up_as_failed(
    learner, course, monkeypatch, settings, eager_retries, django_capture_on_commit_callbacks
):
    from college.certificates import rendering

    settings.COLLEGE_CERTIFICATES_MAX_RETRIES = 2
    CourseCompletionFactory(user=learner, course=course)

    def always_down(certificate):
        raise OSError("storage down")

    monkeypatch.setattr(rendering, "render_pdf", always_down)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.request_certificate(learner, course=course)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.FAILED
    assert certificate.attempts == 3
    assert "storage down" in certificate.failure_reason


def test_completing_a_class_issues_a_class_certificate(home_page, learner, django_capture_on_commit_callbacks):
    first = CertificateCourseFactory(
        home=home_page,
        slug="c1",
        title="矛盾纠纷调解实务",
        credit_hours=Decimal("1.5"),
        english_title="Mediation in practice",
    )
    second = CertificateCourseFactory(
        home=home_page, slug="c2", title="枫桥式派出所建设", credit_hours=Decimal("2"), english_title=""
    )
    training_class = CertificateTrainingClassFactory(courses=[first, second])
    with django_capture_on_commit_callbacks(execute=True):
        course_services.add_members(training_class, [learner])
        complete_course(learner, first)
        complete_course(learner, second)
    certificates = Certificate.objects.filter(user=learner)
    assert certificates.filter(kind="course").count() == 2
    class_certificate = certificates.get(kind="class")
    assert class_certificate.status == Certificate.Status.ISSUED
    assert class_certificate.training_class_id == training_class.pk
    assert class_certificate.title == "枫桥经验专题培训班"
    assert class_certificate.hours == 3.5
    assert [item["title"] for item in class_certificate.courses] == ["矛盾纠纷调解实务", "枫桥式派出所建设"]


def test_a_class_certificate_needs_the_class_completed(home_page, learner):
    course = CertificateCourseFactory(home=home_page)
    training_class = CertificateTrainingClassFactory(courses=[course])
    course_services.add_members(training_class, [learner])
    with pytest.raises(services.NotEligible):
        services.request_certificate(learner, training_class=training_class)


def test_a_certificate_problem_never_breaks_the_learners_request(learner, course):
    from courses.models import CourseCompletion
    from courses.signals import course_completed

    # A signal for a completion that does not exist (e.g. rolled back by hand): logged, not raised.
    fake = CourseCompletion(user=learner, course=course, language="zh-hans", credit_hours=1, credit_type="elective")
    course_completed.send(sender=CourseCompletion, user=learner, course=course, completion=fake)
    assert not Certificate.objects.exists()
