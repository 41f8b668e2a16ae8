"""Demo courses: six courses on the Fengqiao Experience (zh-hans and en), each with three lessons and
a quiz, a training class, and the demo learner's records (one course completed through the real
services, so the ledger shows hours and certificates can follow; a second course part-way).

The texts are data: ``catalogue.toml`` (index page, instructors, quiz rules, training class, its
learners) and ``courses/<slug>.toml`` (one course with its lessons and questions) beside this file,
read and checked by ``content.load_content()``.  Who studied what stays here (``_study``): it
drives the real study-time services on a simulated clock.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from college.core.demo import translate_page

from .. import services
from ..models import (
    Choice,
    CourseIndexPage,
    CoursePage,
    Instructor,
    LessonKind,
    LessonPage,
    LessonProgress,
    Question,
    QuestionBank,
    Quiz,
    QuizAttempt,
    TrainingClass,
    TrainingClassCourse,
)
from .content import CADRE_COURSE, COMPLETED_COURSE, PART_WAY_COURSE, load_content

DEMO_VIDEO = "/static/courses/demo/lesson.wav"
LEARNER_EMAIL = "learner@demo.fengqiao.local"


def _body(paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def _texts(data, language, *names):
    return {name: data[name][language] for name in names}


def _index(home, zh, en, texts):
    fields = ("title", "intro", "search_description")
    index = CourseIndexPage.objects.filter(locale=zh).first()
    if index is None:
        index = CourseIndexPage(slug=texts["slug"], show_in_menus=True, locale=zh, **_texts(texts, "zh", *fields))
        home.add_child(instance=index)
        index.save_revision().publish()
    translate_page(index, en, _texts(texts, "en", *fields))
    return index


def _instructors(texts):
    people = {}
    for key, data in texts.items():
        people[key], _ = Instructor.objects.get_or_create(
            name=data["name"]["zh"],
            defaults={"name_en": data["name"]["en"], "title": data["title"]["zh"], "title_en": data["title"]["en"]},
        )
    return people


def _quiz(data, rules):
    bank, created = QuestionBank.objects.get_or_create(name=data["title"]["zh"], defaults={"description": data["slug"]})
    if created or not bank.questions.exists():
        for question_data in data["questions"]:
            question = Question.objects.create(
                bank=bank,
                kind=question_data["kind"],
                text=question_data["text"]["zh"],
                text_en=question_data["text"]["en"],
                explanation=question_data["explanation"]["zh"],
                explanation_en=question_data["explanation"]["en"],
            )
            for order, choice in enumerate(question_data["choices"]):
                Choice.objects.create(
                    question=question,
                    text=choice["zh"],
                    text_en=choice["en"],
                    is_correct=choice["correct"],
                    sort_order=order,
                )
    quiz, _ = Quiz.objects.get_or_create(
        bank=bank,
        defaults={
            "title": rules["title"]["zh"].format(course=data["title"]["zh"]),
            "title_en": rules["title"]["en"].format(course=data["title"]["en"]),
            "question_count": rules["question_count"],
            "pass_mark": rules["pass_mark"],
            "max_attempts": rules["max_attempts"],
            "time_limit_minutes": rules["time_limit_minutes"],
            "score_policy": Quiz.ScorePolicy.BEST,
        },
    )
    return quiz


def _course(index, data, instructors, zh, en, quiz_rules):
    fields = ("title", "summary", "overview", "objectives")
    course = CoursePage.objects.filter(locale=zh, slug=data["slug"]).first()
    if course is None:
        course = CoursePage(
            slug=data["slug"],
            locale=zh,
            topic=data["topic"],
            credit_hours=data["credit_hours"],
            credit_type=data["credit_type"],
            sequential=data["sequential"],
            final_quiz=_quiz(data, quiz_rules),
            **_texts(data, "zh", *fields),
        )
        index.add_child(instance=course)
        course.instructors.set([instructors[key] for key in data["instructors"]])
        course.save_revision().publish()
    translate_page(course, en, _texts(data, "en", *fields))
    for lesson_data in data["lessons"]:
        kind, seconds = lesson_data["kind"], lesson_data["seconds"]
        paragraphs = lesson_data["paragraphs"]
        lesson = LessonPage.objects.filter(locale=zh, slug=lesson_data["slug"]).first()
        if lesson is None:
            lesson = LessonPage(
                title=lesson_data["title"]["zh"],
                slug=lesson_data["slug"],
                locale=zh,
                kind=kind,
                summary=paragraphs["zh"][0][:120],
                duration_seconds=seconds if kind == LessonKind.VIDEO else 0,
                min_reading_seconds=seconds if kind == LessonKind.READING else 120,
                video_url=DEMO_VIDEO if kind == LessonKind.VIDEO else "",
                body=_body(paragraphs["zh"]),
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
        translate_page(
            lesson,
            en,
            {
                "title": lesson_data["title"]["en"],
                "summary": paragraphs["en"][0][:120],
                "body": _body(paragraphs["en"]),
            },
        )
    return course


def _study(user, course, lessons_to_finish, start, take_quiz):
    """Let the demo learner study through the real services, on a simulated clock."""
    clock = [start]

    def tick(seconds=0):
        clock[0] += datetime.timedelta(seconds=seconds)
        return clock[0]

    services.enrol(user, course, now=tick())
    for lesson in services.course_lessons(course)[:lessons_to_finish]:
        viewing = services.start_viewing(user, lesson, now=tick(5))
        seq = 1
        if lesson.kind == LessonKind.VIDEO:
            services.heartbeat(user, viewing.token, seq, "playing", 0, now=tick())
            position = 0
            while position < lesson.duration_seconds:
                position = min(lesson.duration_seconds, position + 10)
                seq += 1
                services.heartbeat(user, viewing.token, seq, "playing", position, now=tick(10))
        else:
            services.heartbeat(user, viewing.token, seq, "playing", now=tick())
            remaining = lesson.min_reading_seconds
            while remaining > 0:
                seq += 1
                services.heartbeat(user, viewing.token, seq, "playing", now=tick(15))
                remaining -= 15
            services.confirm_read(user, lesson, now=tick(2))
    if take_quiz and course.final_quiz_id:
        attempt = services.start_attempt(user, course.final_quiz, course=course, now=tick(60))
        correct = {
            str(item["question"]): [c.pk for c in Choice.objects.filter(question_id=item["question"], is_correct=True)]
            for item in attempt.drawn
        }
        services.submit_attempt(user, attempt.pk, correct, now=tick(240), language="zh-hans")


def _demo_learners(user_model, people):
    from django.contrib.auth.models import Group

    from college.accounts.roles import LEARNERS

    group = Group.objects.filter(name=LEARNERS).first()
    users = []
    for person in people:
        email = person["email"]
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model(
                username=email.split("@")[0],
                email=email,
                real_name=person["real_name"],
                work_unit=person["work_unit"],
                mobile=person["mobile"],
                region=person["region"],
            )
            user.set_unusable_password()
            user.save()
            if group:
                user.groups.add(group)
        users.append(user)
    return users


@transaction.atomic
def seed(stdout=None, **options):
    from college.core.models import HomePage

    texts = load_content()
    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=zh)
    index = _index(home, zh, en, texts["index"])
    instructors = _instructors(texts["instructors"])
    courses = [_course(index, data, instructors, zh, en, texts["quiz"]) for data in texts["courses"]]
    by_slug = {course.slug: course for course in courses}

    User = get_user_model()
    learner = User.objects.filter(email=LEARNER_EMAIL).first()
    cadres = _demo_learners(User, texts["learners"])
    today = timezone.localdate()
    class_texts = texts["training_class"]
    training_class = TrainingClass.objects.filter(code=class_texts["code"]).first()
    if training_class is None:
        training_class = TrainingClass.objects.create(
            code=class_texts["code"],
            name=class_texts["name"]["zh"].format(year=today.year),
            name_en=class_texts["name"]["en"].format(year=today.year),
            description=class_texts["description"],
            start_date=today - datetime.timedelta(days=20),
            end_date=today + datetime.timedelta(days=25),
        )
        for order, slug in enumerate(class_texts["courses"]):
            TrainingClassCourse.objects.create(training_class=training_class, course=by_slug[slug], sort_order=order)
    if learner is not None:
        services.add_members(training_class, [learner, *cadres])
        start = timezone.now() - datetime.timedelta(days=10)
        # One course completed (ledger hours, certificate), one part-way.
        completed, part_way = by_slug[COMPLETED_COURSE], by_slug[PART_WAY_COURSE]
        if not QuizAttempt.objects.filter(user=learner, course=completed).exists():
            _study(learner, completed, lessons_to_finish=3, start=start, take_quiz=True)
        if not LessonProgress.objects.filter(user=learner, course=part_way).exists():
            _study(learner, part_way, lessons_to_finish=1, start=start + datetime.timedelta(days=3), take_quiz=False)
        if not services.year_summary(cadres[0], today.year)["entries"]:
            _study(cadres[0], by_slug[CADRE_COURSE], lessons_to_finish=3, start=start, take_quiz=True)
    if stdout:
        stdout.write(
            f"  courses: {len(courses)} courses with lessons and quizzes (zh-hans and en), class {class_texts['code']}"
        )
    return courses
