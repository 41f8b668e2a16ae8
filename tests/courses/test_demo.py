"""The demo content: six bilingual courses, a class, and the demo learner's verified records."""

import pytest
from wagtail.models import Locale

from courses.models import (
    CourseCompletion,
    CoursePage,
    CreditEntry,
    LessonPage,
    LessonProgress,
    Question,
    TrainingClassMember,
)

pytestmark = pytest.mark.django_db


def run_seed():
    from college.accounts import demo as accounts_demo
    from college.core import demo as core_demo
    from courses import demo

    core_demo.seed()
    accounts_demo.seed()
    demo.seed()


def test_demo_seed_is_complete_bilingual_and_idempotent(client):
    run_seed()
    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    assert CoursePage.objects.filter(locale=zh).count() == 6
    assert CoursePage.objects.filter(locale=en).count() == 6
    for course in CoursePage.objects.filter(locale=zh):
        assert LessonPage.objects.child_of(course).count() >= 3
        assert course.final_quiz and course.final_quiz.bank.questions.count() >= 4
    completion = CourseCompletion.objects.get(user__email="learner@demo.fengqiao.local")
    assert completion.course.slug == "fengqiao-history"
    assert CreditEntry.objects.filter(user__email="learner@demo.fengqiao.local", source="course").count() == 1
    assert (
        LessonProgress.objects.filter(
            user__email="learner@demo.fengqiao.local", course__slug="four-pre-method", status="completed"
        ).count()
        == 1
    )
    counts = (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        Question.objects.count(),
        CreditEntry.objects.count(),
        TrainingClassMember.objects.count(),
    )
    run_seed()
    assert counts == (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        Question.objects.count(),
        CreditEntry.objects.count(),
        TrainingClassMember.objects.count(),
    )
    assert Question.objects.exclude(text_en="").count() == Question.objects.count()
    index_en = CoursePage.objects.filter(locale=en).first().get_parent()
    response = client.get(index_en.url)
    assert response.status_code == 200 and "The history of the Fengqiao Experience" in response.content.decode()
