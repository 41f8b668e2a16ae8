"""Demo courses: six courses on the Fengqiao Experience (zh-hans and en), each with three lessons and
a quiz, a training class, and the demo learner's records (one course completed through the real
services, so the ledger shows hours and certificates can follow; a second course part-way)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from college.core.demo import translate_page

from . import services
from .demo_content import COURSES, INSTRUCTORS
from .models import (
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

DEMO_VIDEO = "/static/courses/demo/lesson.wav"
LEARNER_EMAIL = "learner@demo.fengqiao.local"
CLASS_CODE = "fq-2026-01"


def _body(paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def _index(home, zh, en):
    index = CourseIndexPage.objects.filter(locale=zh).first()
    if index is None:
        index = CourseIndexPage(
            title="课程学习",
            slug="courses",
            show_in_menus=True,
            intro="<p>面向政法干部的“枫桥经验”网络课程。学习时长由服务器核验，完成课程即计入年度学时。</p>",
            search_description="“枫桥经验”系列网络课程：历史、工作方法、调解实务、枫桥式派出所、基层法治和数字化治理。",
            locale=zh,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    translate_page(
        index,
        en,
        {
            "title": "Courses",
            "intro": "<p>Online courses on the Fengqiao Experience for political-legal cadres. The server verifies study time; completed courses count toward your annual credit hours.</p>",
            "search_description": "Online courses on the Fengqiao Experience: history, methods, mediation, police stations, rule of law and digital governance.",
        },
    )
    return index


def _instructors():
    people = []
    for name, name_en, title, title_en in INSTRUCTORS:
        person, _ = Instructor.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "title": title, "title_en": title_en}
        )
        people.append(person)
    return people


def _quiz(data):
    bank, created = QuestionBank.objects.get_or_create(name=data["zh"]["title"], defaults={"description": data["slug"]})
    if created or not bank.questions.exists():
        for kind, text, text_en, choices, explanation, explanation_en in data["questions"]:
            question = Question.objects.create(
                bank=bank, kind=kind, text=text, text_en=text_en, explanation=explanation, explanation_en=explanation_en
            )
            for order, (choice, choice_en, correct) in enumerate(choices):
                Choice.objects.create(
                    question=question, text=choice, text_en=choice_en, is_correct=correct, sort_order=order
                )
    quiz, _ = Quiz.objects.get_or_create(
        bank=bank,
        defaults={
            "title": f"{data['zh']['title']} 结业测验",
            "title_en": f"Final quiz: {data['en']['title']}",
            "question_count": 4,
            "pass_mark": 60,
            "max_attempts": 3,
            "time_limit_minutes": 15,
            "score_policy": Quiz.ScorePolicy.BEST,
        },
    )
    return quiz


def _course(index, data, instructors, zh, en):
    course = CoursePage.objects.filter(locale=zh, slug=data["slug"]).first()
    if course is None:
        course = CoursePage(
            slug=data["slug"],
            locale=zh,
            topic=data["topic"],
            credit_hours=Decimal(data["hours"]),
            credit_type=data["type"],
            sequential=data["sequential"],
            final_quiz=_quiz(data),
            **data["zh"],
        )
        index.add_child(instance=course)
        course.instructors.set([instructors[i] for i in data["instructors"]])
        course.save_revision().publish()
    translate_page(course, en, dict(data["en"]))
    for slug, kind, seconds, title, title_en, paragraphs, paragraphs_en in data["lessons"]:
        lesson = LessonPage.objects.filter(locale=zh, slug=slug).first()
        if lesson is None:
            lesson = LessonPage(
                title=title,
                slug=slug,
                locale=zh,
                kind=kind,
                summary=paragraphs[0][:120],
                duration_seconds=seconds if kind == LessonKind.VIDEO else 0,
                min_reading_seconds=seconds if kind == LessonKind.READING else 120,
                video_url=DEMO_VIDEO if kind == LessonKind.VIDEO else "",
                body=_body(paragraphs),
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
        translate_page(lesson, en, {"title": title_en, "summary": paragraphs_en[0][:120], "body": _body(paragraphs_en)})
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


def _demo_learners(user_model):
    from django.contrib.auth.models import Group

    from college.accounts.roles import LEARNERS

    group = Group.objects.filter(name=LEARNERS).first()
    people = [
        ("cadre1@demo.fengqiao.local", "刘调解", "诸暨市司法局枫桥司法所", "13800000001"),
        ("cadre2@demo.fengqiao.local", "孙网格", "枫桥镇综合治理中心", "13800000002"),
        ("cadre3@demo.fengqiao.local", "周法官", "诸暨市人民法院枫桥人民法庭", "13800000003"),
    ]
    users = []
    for email, name, unit, mobile in people:
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model(
                username=email.split("@")[0],
                email=email,
                real_name=name,
                work_unit=unit,
                mobile=mobile,
                region="浙江省绍兴市",
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

    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=zh)
    index = _index(home, zh, en)
    instructors = _instructors()
    courses = [_course(index, data, instructors, zh, en) for data in COURSES]

    User = get_user_model()
    learner = User.objects.filter(email=LEARNER_EMAIL).first()
    cadres = _demo_learners(User)
    today = timezone.localdate()
    training_class = TrainingClass.objects.filter(code=CLASS_CODE).first()
    if training_class is None:
        training_class = TrainingClass.objects.create(
            code=CLASS_CODE,
            name=f"{today.year}年第一期“枫桥经验”专题培训班",
            name_en=f"Fengqiao Experience seminar, class 1 of {today.year}",
            description="面向基层政法干部的专题培训班。",
            start_date=today - datetime.timedelta(days=20),
            end_date=today + datetime.timedelta(days=25),
        )
        for order, course in enumerate((courses[0], courses[1], courses[4])):
            TrainingClassCourse.objects.create(training_class=training_class, course=course, sort_order=order)
    if learner is not None:
        services.add_members(training_class, [learner, *cadres])
        start = timezone.now() - datetime.timedelta(days=10)
        # One course completed (ledger hours, certificate), one part-way.
        if not QuizAttempt.objects.filter(user=learner, course=courses[0]).exists():
            _study(learner, courses[0], lessons_to_finish=3, start=start, take_quiz=True)
        if not LessonProgress.objects.filter(user=learner, course=courses[1]).exists():
            _study(learner, courses[1], lessons_to_finish=1, start=start + datetime.timedelta(days=3), take_quiz=False)
        if not services.year_summary(cadres[0], today.year)["entries"]:
            _study(cadres[0], courses[4], lessons_to_finish=3, start=start, take_quiz=True)
    if stdout:
        stdout.write(f"  courses: {len(courses)} courses with lessons and quizzes (zh-hans and en), class {CLASS_CODE}")
    return courses
