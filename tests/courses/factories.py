"""Factories for course trees, question banks and quizzes used by the courses tests."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from courses.models import (
    Choice,
    CourseIndexPage,
    CoursePage,
    LessonKind,
    LessonPage,
    Question,
    QuestionBank,
    Quiz,
    TrainingClass,
    TrainingClassCourse,
)
from tests.core.factories import published_through_a_revision


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    """The course catalogue under ``parent`` (the home page); the one already there, if any."""

    class Meta:
        model = CourseIndexPage
        django_get_or_create = ("parent",)
        skip_postgeneration_save = True

    title = "课程"
    slug = "courses"
    show_in_menus = True
    publish = published_through_a_revision()


def _catalogue_of(course):
    if course.home is None:
        raise ValueError("CoursePageFactory needs home= (its catalogue is used) or parent=")
    return CourseIndexPageFactory(parent=course.home)


class CoursePageFactory(wagtail_factories.PageFactory):
    """A published course in the catalogue of ``home`` (created on first use), or under ``parent``.

    ``lessons`` is a list of ``(kind, seconds)``: a video of that duration or a reading with that
    minimum time; the lessons are added, published, after the course.
    """

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    class Params:
        home = None

    parent = factory.LazyAttribute(_catalogue_of)
    title = "枫桥经验概论"
    slug = "course"
    summary = "课程简介"
    credit_hours = Decimal("2")
    publish = published_through_a_revision()

    @factory.post_generation
    def lessons(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for number, (kind, seconds) in enumerate(extracted, start=1):
            LessonPageFactory(parent=obj, number=number, kind=kind, seconds=seconds)
        obj.refresh_from_db()


class LessonPageFactory(wagtail_factories.PageFactory):
    """Lesson ``number`` of the course ``parent``: a video of ``seconds`` or a reading of at least ``seconds``."""

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        seconds = 60

    title = factory.LazyAttribute(lambda o: f"第{o.number}课")
    slug = factory.LazyAttribute(lambda o: f"{o.parent.slug}-lesson-{o.number}")
    kind = LessonKind.VIDEO
    duration_seconds = factory.LazyAttribute(lambda o: o.seconds if o.kind == LessonKind.VIDEO else 0)
    min_reading_seconds = factory.LazyAttribute(lambda o: o.seconds if o.kind == LessonKind.READING else 0)
    video_url = factory.LazyAttribute(lambda o: "/static/courses/demo/lesson.wav" if o.kind == LessonKind.VIDEO else "")
    publish = published_through_a_revision()


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-choice question whose first option (text "对") is the correct one."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    bank = factory.SubFactory("tests.courses.factories.QuestionBankFactory")
    kind = Question.Kind.SINGLE
    text = factory.Sequence(lambda n: f"问题{n}")
    explanation = factory.Sequence(lambda n: f"解析{n}")

    @factory.post_generation
    def choices(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, (text, correct) in enumerate(extracted or [("对", True), ("错", False), ("不知道", False)]):
            Choice.objects.create(question=obj, text=text, is_correct=correct, sort_order=order)


class QuestionBankFactory(factory.django.DjangoModelFactory):
    """A bank (the one of that name, if it exists) to which ``questions`` single-choice questions are added."""

    class Meta:
        model = QuestionBank
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = "题库"

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if not create:
            return
        for number in range(4 if extracted is None else extracted):
            QuestionFactory(bank=obj, text=f"问题{number}", explanation=f"解析{number}")


class QuizFactory(factory.django.DjangoModelFactory):
    """A quiz drawing ``question_count`` (4) questions from a bank given 4 single-choice questions.

    ``bank__questions`` adds another number of questions to the bank, ``bank__name`` picks another bank.
    """

    class Meta:
        model = Quiz

    title = "结业测验"
    bank = factory.SubFactory(QuestionBankFactory)
    question_count = 4


class TrainingClassFactory(factory.django.DjangoModelFactory):
    """A training class made of ``courses`` (in that order)."""

    class Meta:
        model = TrainingClass
        skip_postgeneration_save = True

    name = "枫桥经验专题培训班"
    code = "class-1"
    start_date = datetime.date(2026, 11, 1)
    end_date = datetime.date(2026, 12, 31)

    @factory.post_generation
    def courses(obj, create, extracted, **kwargs):
        if create and extracted:
            for number, course in enumerate(extracted):
                TrainingClassCourse.objects.create(training_class=obj, course=course, sort_order=number)


# Not set-up but reading: the answers a learner gives to a drawn attempt.
def right_answers(attempt):
    """The correct choice of every drawn question, as the quiz form posts it."""
    return {
        str(item["question"]): [Choice.objects.get(question_id=item["question"], is_correct=True).pk]
        for item in attempt.drawn
    }


def wrong_answers(attempt):
    """A wrong choice for every drawn question."""
    return {
        str(item["question"]): [Choice.objects.filter(question_id=item["question"], is_correct=False).first().pk]
        for item in attempt.drawn
    }
