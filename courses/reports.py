"""Reports and exports: a learner's year (PDF, CSV), staff hours per learner and per work unit
(CSV, XLSX) and a training class's progress table.  The files are written by
``college.core.spreadsheets`` (``csv_bytes``/``xlsx_bytes``), which neutralises formula text."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from college.core.spreadsheets import csv_bytes

from . import services
from .models import CourseCompletion, CreditType, LessonProgress, ProgressStatus, TrainingClassMember


# ---------------------------------------------------------------------------
# A learner's year
# ---------------------------------------------------------------------------
def learner_year_rows(user, year, language=None):
    summary = services.year_summary(user, year, language=language or translation.get_language())
    headers = [_("Date"), _("Activity"), _("Source"), _("Type"), _("Hours")]
    rows = [
        [
            entry.earned_on.isoformat(),
            entry.display_title,
            entry.get_source_display(),
            entry.get_credit_type_display(),
            entry.hours,
        ]
        for entry in summary["entries"]
    ]
    rows.append(["", _("Required"), "", "", summary["required"]])
    rows.append(["", _("Elective"), "", "", summary["elective"]])
    rows.append(["", _("Total"), "", "", summary["total"]])
    rows.append(["", _("Annual target"), "", "", summary["target"]])
    return headers, rows


def learner_year_csv(user, year):
    headers, rows = learner_year_rows(user, year)
    return csv_bytes(headers, rows)


def learner_year_pdf(user, year, language="zh-hans"):
    """The learner's credit-hour record for a year as a PDF (WeasyPrint, Noto CJK fonts)."""
    from weasyprint import HTML

    from college.core.models import CollegeSettings

    with translation.override(language):
        summary = services.year_summary(user, year, language=language)
        html = render_to_string(
            "courses/ledger_pdf.html",
            {
                "learner": user,
                "summary": summary,
                "college_name": CollegeSettings.load().name_for(language),
                "generated": timezone.localtime(),
                "LANGUAGE_CODE": language,
            },
        )
    return HTML(string=html).write_pdf()


# ---------------------------------------------------------------------------
# Staff: hours per learner and per work unit for a year
# ---------------------------------------------------------------------------
def hours_by_learner(year, work_unit=None):
    User = get_user_model()
    users = User.objects.filter(credit_entries__year=year).distinct()
    if work_unit:
        users = users.filter(work_unit=work_unit)
    users = users.annotate(
        required=Sum(
            "credit_entries__hours",
            filter=Q(credit_entries__year=year, credit_entries__credit_type=CreditType.REQUIRED),
        ),
        elective=Sum(
            "credit_entries__hours",
            filter=Q(credit_entries__year=year, credit_entries__credit_type=CreditType.ELECTIVE),
        ),
    ).order_by("work_unit", "real_name", "email")
    target, required_target = services.annual_target(), services.annual_required_target()
    headers = [
        _("Name"),
        _("Email"),
        _("Work unit"),
        _("Position"),
        _("Required"),
        _("Elective"),
        _("Total"),
        _("Target met"),
    ]
    rows = []
    for user in users:
        required, elective = user.required or Decimal(0), user.elective or Decimal(0)
        total = required + elective
        met = total >= target and required >= required_target
        rows.append(
            [
                user.display_name,
                user.email,
                user.work_unit,
                user.position,
                required,
                elective,
                total,
                _("Yes") if met else _("No"),
            ]
        )
    return headers, rows


def hours_by_work_unit(year):
    headers_l, learner_rows = hours_by_learner(year)
    units = {}
    for _name, _email, unit, _position, required, elective, _total, met in learner_rows:
        data = units.setdefault(
            unit or _("(no work unit)"), {"learners": 0, "required": Decimal(0), "elective": Decimal(0), "met": 0}
        )
        data["learners"] += 1
        data["required"] += required
        data["elective"] += elective
        data["met"] += int(met == _("Yes"))
    headers = [
        _("Work unit"),
        _("Learners"),
        _("Required"),
        _("Elective"),
        _("Total"),
        _("Average per learner"),
        _("Learners meeting the target"),
    ]
    rows = []
    for unit, data in sorted(units.items()):
        total = data["required"] + data["elective"]
        rows.append(
            [
                unit,
                data["learners"],
                data["required"],
                data["elective"],
                total,
                (total / data["learners"]).quantize(Decimal("0.01")),
                data["met"],
            ]
        )
    return headers, rows


# ---------------------------------------------------------------------------
# Training classes
# ---------------------------------------------------------------------------
def class_progress(training_class):
    """Per learner per course: percent done and completion; plus the learner's overall percent."""
    courses = [link.course for link in training_class.class_courses.select_related("course")]
    members = list(
        TrainingClassMember.objects.filter(training_class=training_class)
        .select_related("user")
        .order_by("user__real_name", "user__email")
    )
    completions = set(
        CourseCompletion.objects.filter(user__in=[m.user_id for m in members], course__in=courses).values_list(
            "user_id", "course_id"
        )
    )
    lessons = {
        course.pk: [lesson.pk for lesson in services.course_lessons(course) if lesson.required] for course in courses
    }
    done_lessons = {}
    for user_id, lesson_id in LessonProgress.objects.filter(
        user__in=[m.user_id for m in members], course__in=courses, status=ProgressStatus.COMPLETED
    ).values_list("user_id", "lesson_id"):
        done_lessons.setdefault(user_id, set()).add(lesson_id)
    table = []
    for member in members:
        cells = []
        for course in courses:
            if (member.user_id, course.pk) in completions:
                cells.append({"course": course, "percent": 100, "completed": True})
            else:
                units = lessons[course.pk] + (["quiz"] if course.final_quiz_id else [])
                done = len(done_lessons.get(member.user_id, set()) & set(lessons[course.pk]))
                if course.final_quiz_id and services.quiz_passed(member.user, course.final_quiz):
                    done += 1
                cells.append(
                    {"course": course, "percent": round(100 * done / len(units)) if units else 0, "completed": False}
                )
        overall = round(sum(c["percent"] for c in cells) / len(cells)) if cells else 0
        table.append({"member": member, "user": member.user, "cells": cells, "overall": overall})
    return courses, table


def class_progress_export(training_class):
    courses, table = class_progress(training_class)
    headers = (
        [_("Name"), _("Email"), _("Mobile"), _("Work unit")]
        + [course.title for course in courses]
        + [_("Overall"), _("Class completed")]
    )
    rows = []
    for line in table:
        user = line["user"]
        rows.append(
            [user.display_name, user.email, user.mobile, user.work_unit]
            + [f"{cell['percent']}%" for cell in line["cells"]]
            + [
                f"{line['overall']}%",
                timezone.localtime(line["member"].completed_at).date().isoformat()
                if line["member"].completed_at
                else "",
            ]
        )
    return headers, rows


def expected_percent(training_class, today=None):
    """How far a learner should be by ``today``: the share of the class's days already gone."""
    today = today or timezone.localdate()
    total = (training_class.end_date - training_class.start_date).days + 1
    gone = (today - training_class.start_date).days + 1
    if total <= 0:
        return 100
    return max(0, min(100, round(100 * gone / total)))


def members_behind(training_class, today=None):
    """Members not yet complete whose overall progress is below the expected share of the class."""
    expected = expected_percent(training_class, today)
    _courses, table = class_progress(training_class)
    return [line for line in table if line["member"].completed_at is None and line["overall"] < expected]
