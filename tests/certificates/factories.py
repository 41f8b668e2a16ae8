"""Builders for certificates tests: a completed course or class through the courses services."""

import datetime
from decimal import Decimal

from django.utils import timezone

from courses import services as course_services
from courses.models import CourseCompletion, CourseIndexPage, CoursePage, TrainingClass, TrainingClassCourse

COMPLETED_AT = timezone.make_aware(datetime.datetime(2026, 11, 20, 15, 0))


def make_course(
    home, slug="fengqiao-intro", title="枫桥经验概论", hours="2", title_en="Introduction to the Fengqiao Experience"
):
    """A published course without lessons (so completing it needs only the enrolment)."""
    from wagtail.models import Locale

    from college.core.demo import translate_page

    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="课程", slug="courses", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    course = CoursePage(title=title, slug=slug, summary="课程简介", credit_hours=Decimal(hours))
    index.add_child(instance=course)
    course.save_revision().publish()
    if title_en:
        translate_page(course, Locale.objects.get(language_code="en"), {"title": title_en, "summary": "Summary"})
    return CoursePage.objects.get(pk=course.pk)


def complete_course(user, course, language="zh-hans", now=COMPLETED_AT):
    """Enrol and complete through the course library's own services (sends course_completed)."""
    course_services.enrol(user, course, now=now)
    completion = course_services.maybe_complete_course(user, course, language=language, now=now)
    assert completion is not None
    return completion


def record_completion(user, course, language="zh-hans"):
    """A completion row without the signal (to test the services on their own)."""
    return CourseCompletion.objects.create(
        user=user,
        course=course,
        completed_at=COMPLETED_AT,
        language=language,
        credit_hours=course.credit_hours,
        credit_type=course.credit_type,
    )


def make_class(courses, code="class-2026-11", name="枫桥经验专题培训班", name_en="Fengqiao Experience Training Class"):
    training_class = TrainingClass.objects.create(
        name=name,
        name_en=name_en,
        code=code,
        start_date=datetime.date(2026, 11, 1),
        end_date=datetime.date(2026, 11, 30),
    )
    for number, course in enumerate(courses):
        TrainingClassCourse.objects.create(training_class=training_class, course=course, sort_order=number)
    return training_class
