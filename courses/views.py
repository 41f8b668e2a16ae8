"""Learner actions (enrol, read, quiz), "My learning" and exports. Page contexts: ``pages``; the heartbeat
API: ``api``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import services
from .models import (
    CourseCompletion,
    CoursePage,
    Enrolment,
    LessonPage,
    ProgressStatus,
    QuizAttempt,
)
from .pages import page_language as _lang


# ---------------------------------------------------------------------------
# Learner actions
# ---------------------------------------------------------------------------
def _course_or_404(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, CoursePage):
        raise Http404
    return page


def _back(request, page):
    return redirect(services.localized_page(page, _lang(request)).url)


@login_required
@require_POST
def enrol(request, page_id):
    course = _course_or_404(page_id)
    try:
        services.enrol(request.user, course)
    except services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are enrolled. Start with the first lesson."))
    return _back(request, course)


@login_required
@require_POST
def unenrol(request, page_id):
    course = _course_or_404(page_id)
    try:
        services.unenrol(request.user, course)
    except services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have left the course. Your progress is kept if you enrol again."))
    return _back(request, course)


@login_required
@require_POST
def confirm_read(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, LessonPage):
        raise Http404
    try:
        services.confirm_read(request.user, page, language=_lang(request))
    except services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Lesson completed."))
    return redirect(services.localized_page(page, _lang(request)).url)


@login_required
@require_POST
def start_quiz(request, page_id):
    course = _course_or_404(page_id)
    canonical = services.canonical_page(course)
    if canonical.final_quiz is None:
        raise Http404
    required_done = all(
        record is not None and record.status == ProgressStatus.COMPLETED
        for lesson, record, _locked in services.lesson_states(request.user, canonical)
        if lesson.required
    )
    if not required_done:
        messages.error(request, _("Complete the lessons before taking the final quiz."))
        return _back(request, course)
    try:
        attempt = services.start_attempt(request.user, canonical.final_quiz, course=canonical)
    except services.CourseError as error:
        messages.error(request, error.message)
        return _back(request, course)
    return redirect("courses:attempt", attempt_id=attempt.pk)


def _attempt_for(request, attempt_id):
    return get_object_or_404(QuizAttempt.objects.select_related("quiz", "course"), pk=attempt_id, user=request.user)


@login_required
def attempt(request, attempt_id):
    """Take a quiz attempt (GET) or submit it (POST); answers are graded on the server only."""
    record = _attempt_for(request, attempt_id)
    language = _lang(request)
    if record.status != QuizAttempt.Status.IN_PROGRESS:
        return redirect("courses:review", attempt_id=record.pk)
    error = None
    status = 200
    if request.method == "POST":
        answers = {}
        for item in record.drawn:
            values = request.POST.getlist(f"q{item['question']}")
            if values:
                answers[str(item["question"])] = values
        try:
            services.submit_attempt(request.user, record.pk, answers, language=language)
        except services.QuizError as refusal:
            if refusal.code in ("time_limit", "already_submitted"):
                messages.error(request, refusal.message)
                return redirect("courses:review", attempt_id=record.pk)
            error, status = refusal.message, 400
        else:
            return redirect("courses:review", attempt_id=record.pk)
    course = services.localized_page(record.course, language) if record.course else None
    context = {
        "attempt": record,
        "quiz_title": record.quiz.title_for(language),
        "questions": services.attempt_questions(record, language),
        "course": course,
        "error": error,
        "selected": {key: request.POST.getlist(key) for key in request.POST} if request.method == "POST" else {},
        "seconds_left": max(0, int((record.deadline - timezone.now()).total_seconds())) if record.deadline else None,
    }
    return render(request, "courses/quiz_attempt.html", context, status=status)


@login_required
def review(request, attempt_id):
    record = _attempt_for(request, attempt_id)
    if record.status == QuizAttempt.Status.IN_PROGRESS:
        return redirect("courses:attempt", attempt_id=record.pk)
    language = _lang(request)
    course = services.localized_page(record.course, language) if record.course else None
    quiz = record.quiz
    used = services.attempts_used(request.user, quiz)
    return render(
        request,
        "courses/quiz_review.html",
        {
            "attempt": record,
            "quiz": quiz,
            "quiz_title": quiz.title_for(language),
            "review": services.attempt_review(record, language),
            "course": course,
            "completion": CourseCompletion.objects.filter(user=request.user, course=record.course).first()
            if record.course
            else None,
            "can_retry": (not quiz.max_attempts or used < quiz.max_attempts),
        },
    )


@login_required
def my_learning(request):
    """Enrolled courses with progress, this year's hours against the target, earlier years."""
    language = _lang(request)
    user = request.user
    year = timezone.localdate().year
    enrolments = Enrolment.objects.filter(user=user).select_related("course").order_by("-enrolled_at")
    courses = []
    for enrolment in enrolments:
        courses.append(
            {
                "enrolment": enrolment,
                "page": services.localized_page(enrolment.course, language),
                "percent": services.course_progress(user, enrolment.course),
            }
        )
    summary = services.year_summary(user, year, language=language)
    years = [services.year_summary(user, y) for y in services.ledger_years(user) if y != year]
    catalogue = None
    from .models import CourseIndexPage

    index = (
        CourseIndexPage.objects.live().filter(locale__language_code=language).first()
        or CourseIndexPage.objects.live().first()
    )
    if index:
        catalogue = index.url
    return render(
        request,
        "courses/my_learning.html",
        {
            "active_courses": [c for c in courses if c["enrolment"].is_active],
            "withdrawn_courses": [c for c in courses if not c["enrolment"].is_active],
            "summary": summary,
            "required_percent": min(100, int(summary["required"] * 100 / summary["required_target"]))
            if summary["required_target"]
            else 100,
            "years": years,
            "year": year,
            "catalogue_url": catalogue,
        },
    )


@login_required
def ledger_export(request, year, fmt):
    """A learner's record for a year as CSV or PDF."""
    from . import reports

    year = int(year)
    if not 2000 <= year <= 2100:
        raise Http404
    if fmt == "csv":
        response = HttpResponse(reports.learner_year_csv(request.user, year), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="credit-hours-{year}.csv"'
        return response
    pdf = reports.learner_year_pdf(request.user, year, language=_lang(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="credit-hours-{year}.pdf"'
    return response
