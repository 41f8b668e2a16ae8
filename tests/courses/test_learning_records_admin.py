"""The learning-record listings of the admin (Learning records menu): staff find a learner's rows by searching."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import CourseCompletion, CreditEntry, Enrolment, LessonKind, LessonProgress, QuizAttempt
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import CoursePageFactory, QuizFactory, right_answers

pytestmark = pytest.mark.django_db

# URL namespace of each listing (the model's name) and the model listed.
LISTINGS = {
    "enrolment": Enrolment,
    "lessonprogress": LessonProgress,
    "quizattempt": QuizAttempt,
    "coursecompletion": CourseCompletion,
    "creditentry": CreditEntry,
}


def complete_course(user, course, clock):
    """Enrol, read the one lesson, pass the final quiz: one row in each of the five listings."""
    services.enrol(user, course, now=clock())
    services.confirm_read(user, services.course_lessons(course)[0], now=clock())
    attempt = services.start_attempt(user, course.final_quiz, course=course, now=clock())
    services.submit_attempt(user, attempt.pk, right_answers(attempt), now=clock())


@pytest.fixture
def learners(home_page, clock):
    course = CoursePageFactory(
        home=home_page,
        lessons=[(LessonKind.READING, 0)],
        final_quiz=QuizFactory(bank__questions=2, question_count=2),
    )
    wang = UserFactory(real_name="王小明", email="wang.xiaoming@fengqiao.example", roles=["Learners"])
    li = UserFactory(real_name="李建国", email="li.jianguo@zhuji.example", roles=["Learners"])
    for learner in (wang, li):
        complete_course(learner, course, clock)
    for model in LISTINGS.values():
        assert set(model.objects.values_list("user", flat=True)) == {wang.pk, li.pk}, model
    return wang, li


def row_links(response, namespace, model):
    """The records whose inspect link appears in the listing: the rows shown."""
    html = response.content.decode()
    return {record.pk for record in model.objects.all() if reverse(f"{namespace}:inspect", args=[record.pk]) in html}


@pytest.mark.parametrize("namespace", LISTINGS)
def test_staff_find_a_learners_records_by_email_or_name(client, learners, namespace):
    wang, li = learners
    staff = UserFactory(roles=["Training staff"])
    assert client.login(username=staff.username, password=PASSWORD)
    model = LISTINGS[namespace]
    url = reverse(f"{namespace}:index")
    wangs_rows = set(model.objects.filter(user=wang).values_list("pk", flat=True))

    assert row_links(client.get(url), namespace, model) == set(model.objects.values_list("pk", flat=True))
    for query in ("wang.xiaoming@fengqiao.example", "WANG.XIAOMING", "fengqiao.example", "王小明", "小明"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, query
        assert row_links(response, namespace, model) == wangs_rows, query
        assert "王小明" in response.content.decode() and "李建国" not in response.content.decode(), query
    nobody = client.get(url, {"q": "nobody@nowhere.example"})
    assert nobody.status_code == 200 and row_links(nobody, namespace, model) == set()
