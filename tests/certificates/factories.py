"""Factories for certificates tests: a course (with its English translation) and a class to
complete, and completion rows; ``complete_course`` completes through the courses services."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from courses import services as course_services
from courses.models import CourseCompletion
from tests.courses.factories import CoursePageFactory, TrainingClassFactory

COMPLETED_AT = timezone.make_aware(datetime.datetime(2026, 11, 20, 15, 0))
ENGLISH_TITLE = "Introduction to the Fengqiao Experience"


class CertificateCourseFactory(CoursePageFactory):
    """A published course without lessons (completing it needs only the enrolment), translated
    into English with ``english_title`` (``english_title=""``: no English translation)."""

    slug = "fengqiao-intro"
    credit_hours = Decimal("2")

    @factory.post_generation
    def english_title(obj, create, extracted, **kwargs):
        title = ENGLISH_TITLE if extracted is None else extracted
        if not create or not title:
            return
        from wagtail.models import Locale

        from college.core.demo import translate_page

        translate_page(obj, Locale.objects.get(language_code="en"), {"title": title, "summary": "Summary"})


class CertificateTrainingClassFactory(TrainingClassFactory):
    """A training class of November 2026 with an English name (printed on English certificates)."""

    name = "枫桥经验专题培训班"
    name_en = "Fengqiao Experience Training Class"
    code = "class-2026-11"
    start_date = datetime.date(2026, 11, 1)
    end_date = datetime.date(2026, 11, 30)


class CourseCompletionFactory(factory.django.DjangoModelFactory):
    """A completion row written directly, without the signal (to test the services on their own)."""

    class Meta:
        model = CourseCompletion

    completed_at = COMPLETED_AT
    language = "zh-hans"
    credit_hours = factory.LazyAttribute(lambda o: o.course.credit_hours)
    credit_type = factory.LazyAttribute(lambda o: o.course.credit_type)


# A helper, not a factory: completing a course is a sequence of service calls (enrol, then
# complete), and the test needs the course_completed signal those calls send.
def complete_course(user, course, language="zh-hans", now=COMPLETED_AT):
    """Enrol and complete through the course library's own services (sends course_completed)."""
    course_services.enrol(user, course, now=now)
    completion = course_services.maybe_complete_course(user, course, language=language, now=now)
    assert completion is not None
    return completion
