"""Learners with real sessions, made directly in the database (signing in 2,000 people through the
login form would spend minutes on password hashing, which is not what is measured)."""

import datetime
import secrets
import string
from decimal import Decimal
from importlib import import_module

_made = []  # (user id, session key) of every learner made in this run
CSRF = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def bench_lesson():
    """A published course of the catalogue with one four-hour video lesson, made once per run:
    the demo's video lasts 40 s, too short for minutes of real-time heartbeats."""
    from wagtail.models import Locale

    from courses.models import CourseIndexPage, CoursePage, LessonPage

    existing = LessonPage.objects.filter(slug="stack-bench-video").first()
    if existing:
        return existing
    zh = Locale.objects.get(language_code="zh-hans")
    index = CourseIndexPage.objects.filter(locale=zh).first()
    course = CoursePage(
        title="压测课程", slug="stack-bench", summary="整站基准测试用课程", credit_hours=Decimal(1), locale=zh
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    lesson = LessonPage(
        title="压测视频",
        slug="stack-bench-video",
        locale=zh,
        kind="video",
        duration_seconds=4 * 3600,
        video_url="/static/courses/demo/lesson.wav",
        summary="整站基准测试用视频",
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def ensure(count):
    """At least ``count`` learners enrolled in the bench course, each with a session; returns
    [(user id, session key)] of the first ``count``."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils import timezone

    from courses.models import CoursePage, Enrolment

    missing = count - len(_made)
    if missing > 0:
        lesson = bench_lesson()
        course = CoursePage.objects.get(pk=lesson.get_parent().pk)
        User = get_user_model()
        start = len(_made)
        users = User.objects.bulk_create(
            [
                User(username=f"stack-learner-{n}", email=f"stack-learner-{n}@example.org", password="!")
                for n in range(start, start + missing)
            ]
        )
        now = timezone.now()
        Enrolment.objects.bulk_create(
            [Enrolment(user=u, course=course, source=Enrolment.Source.SELF, enrolled_at=now) for u in users]
        )
        store_class = import_module(settings.SESSION_ENGINE).SessionStore
        backend = settings.AUTHENTICATION_BACKENDS[0]
        for user in users:
            store = store_class()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = backend
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.set_expiry(datetime.timedelta(days=1))
            store.create()
            _made.append((user.pk, store.session_key))
    return _made[:count]


def cookie_header(session_key):
    from django.conf import settings

    return f"{settings.SESSION_COOKIE_NAME}={session_key}; {settings.CSRF_COOKIE_NAME}={CSRF}"


def post_headers(session_key):
    """Headers of a signed-in fetch() from a page of the site (session, CSRF token, language)."""
    from django.conf import settings

    return {
        "Cookie": cookie_header(session_key),
        settings.CSRF_HEADER_NAME.removeprefix("HTTP_").replace("_", "-"): CSRF,
        "X-Language": "zh-hans",
    }
