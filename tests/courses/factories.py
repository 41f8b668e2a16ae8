"""Builders for course trees, question banks and quizzes used by the courses tests."""

from decimal import Decimal

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


def catalogue(home):
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="课程", slug="courses", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_course(home, slug="course", title="枫桥经验概论", lessons=(), quiz=None, **fields):
    """A published course with the given lessons: ("video", duration) or ("reading", min_seconds)."""
    index = catalogue(home)
    fields.setdefault("summary", "课程简介")
    fields.setdefault("credit_hours", Decimal("2"))
    course = CoursePage(title=title, slug=slug, final_quiz=quiz, **fields)
    index.add_child(instance=course)
    course.save_revision().publish()
    for number, (kind, seconds) in enumerate(lessons, start=1):
        lesson = LessonPage(
            title=f"第{number}课",
            slug=f"{slug}-lesson-{number}",
            kind=kind,
            duration_seconds=seconds if kind == LessonKind.VIDEO else 0,
            min_reading_seconds=seconds if kind == LessonKind.READING else 0,
            video_url="/static/courses/demo/lesson.wav" if kind == LessonKind.VIDEO else "",
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def make_quiz(questions=4, draw=None, name="题库", **fields):
    """A quiz over a bank of single-choice questions whose first option (text "对") is correct."""
    bank, _ = QuestionBank.objects.get_or_create(name=name)
    for number in range(questions):
        question = Question.objects.create(
            bank=bank, kind=Question.Kind.SINGLE, text=f"问题{number}", explanation=f"解析{number}"
        )
        Choice.objects.create(question=question, text="对", is_correct=True, sort_order=0)
        Choice.objects.create(question=question, text="错", is_correct=False, sort_order=1)
        Choice.objects.create(question=question, text="不知道", is_correct=False, sort_order=2)
    fields.setdefault("question_count", draw or questions)
    return Quiz.objects.create(title="结业测验", bank=bank, **fields)


def right_answers(attempt):
    return {
        str(item["question"]): [Choice.objects.get(question_id=item["question"], is_correct=True).pk]
        for item in attempt.drawn
    }


def wrong_answers(attempt):
    return {
        str(item["question"]): [Choice.objects.filter(question_id=item["question"], is_correct=False).first().pk]
        for item in attempt.drawn
    }


def make_class(courses, code="class-1", **fields):
    import datetime

    fields.setdefault("start_date", datetime.date(2026, 11, 1))
    fields.setdefault("end_date", datetime.date(2026, 12, 31))
    training_class = TrainingClass.objects.create(name="枫桥经验专题培训班", code=code, **fields)
    for number, course in enumerate(courses):
        TrainingClassCourse.objects.create(training_class=training_class, course=course, sort_order=number)
    return training_class
