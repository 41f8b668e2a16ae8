"""What the course pages show: the contexts of the catalogue, course and lesson pages, and the lesson gate.

The page models call these from ``get_context`` and ``serve``; they read through the rules in
``services`` and write nothing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import services
from .models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    CreditType,
    Enrolment,
    LessonKind,
    LessonPage,
    LessonProgress,
    ProgressStatus,
    QuizAttempt,
    Topic,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from college.accounts.models import User

HOURS_FILTERS = {
    "lt1": ("< 1", Q(credit_hours__lt=1)),
    "1to2": ("1–2", Q(credit_hours__gte=1, credit_hours__lte=2)),
    "gt2": ("> 2", Q(credit_hours__gt=2)),
}


def page_language(request: HttpRequest) -> str:
    """The language of the page being served: "en" on the English site, else "zh-hans"."""
    return "en" if (getattr(request, "LANGUAGE_CODE", "") or "").startswith("en") else "zh-hans"


def catalogue_context(index: CourseIndexPage, request: HttpRequest) -> dict[str, Any]:
    """Courses of the catalogue in the page's language, filtered by topic, type and hours, and searched."""
    courses = CoursePage.objects.live().public().descendant_of(index).order_by("path")
    topic = request.GET.get("topic", "")
    credit_type = request.GET.get("type", "")
    hours = request.GET.get("hours", "")
    query = (request.GET.get("q", "") or "").strip()[:100]
    if topic in Topic.values:
        courses = courses.filter(topic=topic)
    else:
        topic = ""
    if credit_type in CreditType.values:
        courses = courses.filter(credit_type=credit_type)
    else:
        credit_type = ""
    if hours in HOURS_FILTERS:
        courses = courses.filter(HOURS_FILTERS[hours][1])
    else:
        hours = ""
    if query:
        matching = list(courses.search(query))
        results = matching
    else:
        results = list(courses)
    paginator = Paginator(results, 12)
    page_obj = paginator.get_page(request.GET.get("page"))
    enrolled = set()
    if request.user.is_authenticated:
        enrolled = set(
            Enrolment.objects.filter(user=request.user, withdrawn_at__isnull=True).values_list(
                "course__translation_key", flat=True
            )
        )
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "courses": page_obj,
        "page_obj": page_obj,
        "topics": Topic.choices,
        "credit_types": CreditType.choices,
        "hours_filters": [(key, label) for key, (label, _q) in HOURS_FILTERS.items()],
        "selected": {"topic": topic, "type": credit_type, "hours": hours, "q": query},
        "enrolled_keys": enrolled,
        "query_string": params.urlencode(),
        "filtered": bool(topic or credit_type or hours or query),
    }


def _localized_states(user: User | AnonymousUser, course: CoursePage, language: str) -> list[dict[str, Any]]:
    states = []
    for lesson, record, locked in services.lesson_states(user, course):
        states.append(
            {
                "lesson": services.localized_page(lesson, language),
                "canonical": lesson,
                "progress": record,
                "status": record.status if record else ProgressStatus.NOT_STARTED,
                "status_label": (record.get_status_display() if record else ProgressStatus.NOT_STARTED.label),
                "locked": locked,
            }
        )
    return states


def course_context(page: CoursePage, request: HttpRequest) -> dict[str, Any]:
    """A course page: its lessons with the learner's progress, prerequisites, instructors and the final quiz."""
    language = page_language(request)
    canonical = services.canonical_page(page)
    user = request.user
    enrolment = services.get_enrolment(user, canonical) if user.is_authenticated else None
    context: dict[str, Any] = {
        "canonical": canonical,
        "enrolment": enrolment,
        "enrolled": bool(enrolment and enrolment.is_active),
        "lessons": _localized_states(user, canonical, language),
        "progress_percent": services.course_progress(user, canonical) if user.is_authenticated else 0,
        "completion": CourseCompletion.objects.filter(user=user, course=canonical).first()
        if user.is_authenticated
        else None,
        "missing_prerequisites": [
            services.localized_page(p, language) for p in services.missing_prerequisites(user, canonical)
        ]
        if user.is_authenticated
        else [],
        "prerequisites": [
            services.localized_page(services.canonical_page(p.prerequisite), language)
            for p in canonical.prerequisites.all()
        ],
        "instructors": list(canonical.instructors.all()),
        "language": language,
    }
    quiz = canonical.final_quiz
    if quiz is not None:
        context["quiz"] = quiz
        context["quiz_title"] = quiz.title_for(language)
        if user.is_authenticated:
            used = services.attempts_used(user, quiz)
            context["quiz_attempts_used"] = used
            context["quiz_attempts_left"] = (quiz.max_attempts - used) if quiz.max_attempts else None
            context["quiz_passed"] = services.quiz_passed(user, quiz)
            context["quiz_score"] = services.quiz_score(user, quiz)
            context["quiz_in_progress"] = QuizAttempt.objects.filter(
                user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS
            ).first()
            context["quiz_last"] = (
                QuizAttempt.objects.filter(user=user, quiz=quiz).exclude(status=QuizAttempt.Status.IN_PROGRESS).first()
            )
            lessons_done = all(
                s["status"] == ProgressStatus.COMPLETED for s in context["lessons"] if s["canonical"].required
            )
            context["quiz_open"] = bool(context["enrolled"] and lessons_done)
    return context


def lesson_gate(page: LessonPage, request: HttpRequest) -> HttpResponse | None:
    """Lessons are for enrolled learners; locked lessons send the learner back to the course."""
    course = page.get_parent().specific
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not services.is_enrolled(request.user, course):
        messages.info(request, _("Enrol in the course to study its lessons."))
        return redirect(course.url)
    if services.is_lesson_locked(request.user, page):
        messages.info(request, _("This lesson opens when you have completed the lessons before it."))
        return redirect(course.url)
    return None


def lesson_context(page: LessonPage, request: HttpRequest) -> dict[str, Any]:
    """A lesson page: the course's lessons, the learner's record, the next lesson and the study-time rules."""
    language = page_language(request)
    canonical = services.canonical_page(page)
    course = page.get_parent().specific
    states = _localized_states(request.user, course, language) if request.user.is_authenticated else []
    record = (
        LessonProgress.objects.filter(user=request.user, lesson=canonical).first()
        if request.user.is_authenticated
        else None
    )
    next_lesson = None
    for index, state in enumerate(states):
        if state["canonical"].pk == canonical.pk and index + 1 < len(states):
            next_lesson = states[index + 1]
    return {
        "course": course,
        "canonical": canonical,
        "lessons": states,
        "record": record,
        "next_lesson": next_lesson,
        "completed": bool(record and record.status == ProgressStatus.COMPLETED),
        "heartbeat_interval": services.heartbeat_interval(),
        "completion_percent": round(services.completion_ratio() * 100),
        "covered_percent": round(100 * record.covered_seconds / canonical.duration_seconds)
        if record and canonical.kind == LessonKind.VIDEO and canonical.duration_seconds
        else 0,
        "study_minutes": math.floor((record.study_seconds if record else 0) / 60),
        "min_reading_minutes": math.ceil(canonical.min_reading_seconds / 60),
    }
