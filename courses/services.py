"""Business rules of the courses app: enrolment, progress, verified study time, completion and credit hours.

Each public function runs in one transaction and raises a ``CourseError``
subclass (with a translated message) when a rule refuses the action.  Views,
the admin, the API and tasks call these functions; none re-implements them.

Lock order (always the same, so two requests never deadlock):
user row → viewing → lesson progress → enrolment → completion/ledger.
"""

import datetime
import math
import random
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from . import signals
from .models import (
    CourseCompletion,
    CreditEntry,
    CreditType,
    Enrolment,
    LessonKind,
    LessonPage,
    LessonProgress,
    ProgressStatus,
    Quiz,
    QuizAttempt,
    TrainingClassMember,
    Viewing,
)


# ---------------------------------------------------------------------------
# Settings (documented in docs/courses.md)
# ---------------------------------------------------------------------------
def completion_ratio():
    return float(getattr(settings, "COLLEGE_VIDEO_COMPLETION_RATIO", 0.9))


def playback_rate_cap():
    return float(getattr(settings, "COLLEGE_PLAYBACK_RATE_CAP", 2.0))


def heartbeat_interval():
    return float(getattr(settings, "COLLEGE_HEARTBEAT_INTERVAL_SECONDS", 15))


def heartbeat_max_gap():
    return float(getattr(settings, "COLLEGE_HEARTBEAT_MAX_GAP_SECONDS", 60))


def annual_target():
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_CREDIT_TARGET", 50)))


def annual_required_target():
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_REQUIRED_TARGET", 30)))


QUIZ_GRACE_SECONDS = 30  # network delay allowed after a quiz's deadline


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------
class CourseError(Exception):
    """A rule refused the action; ``message`` is translated, ``code`` is stable."""

    code = "error"
    default_message = _("This action is not possible.")

    def __init__(self, message=None, code=None):
        self.message = message or self.default_message
        if code:
            self.code = code
        super().__init__(str(self.message))


class NotEnrolled(CourseError):
    code = "not_enrolled"
    default_message = _("Enrol in the course first.")


class EnrolmentClosed(CourseError):
    code = "enrolment_closed"
    default_message = _("This course is not open for enrolment.")


class PrerequisitesMissing(CourseError):
    code = "prerequisites"
    default_message = _("Complete the prerequisite courses first.")


class LessonLocked(CourseError):
    code = "locked"
    default_message = _("Complete the previous lessons first.")


class HeartbeatRefused(CourseError):
    code = "refused"
    default_message = _("This heartbeat was refused.")


class NotEnoughTime(CourseError):
    code = "not_enough_time"
    default_message = _("You have not spent the minimum reading time on this lesson yet.")


class QuizError(CourseError):
    code = "quiz"


class CreditError(CourseError):
    code = "credit"


# ---------------------------------------------------------------------------
# Canonical pages
# ---------------------------------------------------------------------------
def default_locale():
    return Locale.get_default()


def canonical_page(page):
    """The default-locale (zh-hans) copy of a course or lesson page: learner records point at it."""
    page = page.specific
    locale = default_locale()
    if page.locale_id == locale.id:
        return page
    translation = page.get_translation_or_none(locale)
    return translation.specific if translation is not None else page


def localized_page(page, language_code):
    """The copy of ``page`` in ``language_code`` when it exists and is live, else ``page``."""
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return page
    if page.locale_id == locale.id:
        return page
    translation = page.get_translation_or_none(locale)
    return translation.specific if translation is not None and translation.live else page


def _language(language):
    return "en" if (language or "").startswith("en") else "zh-hans"


def _now(now):
    return now or timezone.now()


def _lock_user(user):
    # One row lock per learner serialises everything that must not run twice at
    # once for them (two tabs opening a lesson, two quiz starts).
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


# ---------------------------------------------------------------------------
# Enrolment
# ---------------------------------------------------------------------------
def get_enrolment(user, course):
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrolment.objects.filter(user=user, course=canonical_page(course)).first()


def is_enrolled(user, course):
    enrolment = get_enrolment(user, course)
    return enrolment is not None and enrolment.is_active


def missing_prerequisites(user, course):
    course = canonical_page(course)
    prerequisites = [canonical_page(p.prerequisite) for p in course.prerequisites.select_related("prerequisite")]
    done = set(
        CourseCompletion.objects.filter(user=user, course__in=[p.pk for p in prerequisites]).values_list(
            "course_id", flat=True
        )
    )
    return [p for p in prerequisites if p.pk not in done]


@transaction.atomic
def enrol(user, course, source=Enrolment.Source.SELF, now=None):
    """Enrol ``user`` in ``course`` (or re-activate a withdrawn enrolment, keeping its records)."""
    course = canonical_page(course)
    now = _now(now)
    if not course.live:
        raise EnrolmentClosed()
    if source == Enrolment.Source.SELF and not course.enrolment_open:
        raise EnrolmentClosed()
    if source == Enrolment.Source.SELF and missing_prerequisites(user, course):
        raise PrerequisitesMissing()
    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        user=user, course=course, defaults={"source": source, "enrolled_at": now}
    )
    if not created and enrolment.withdrawn_at is not None:
        enrolment.withdrawn_at = None
        enrolment.enrolled_at = now
        enrolment.save(update_fields=["withdrawn_at", "enrolled_at"])
    return enrolment


@transaction.atomic
def unenrol(user, course, now=None):
    """Withdraw from a course; progress, attempts and completion stay on record."""
    course = canonical_page(course)
    now = _now(now)
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
    if enrolment is None or enrolment.withdrawn_at is not None:
        raise NotEnrolled()
    enrolment.withdrawn_at = now
    enrolment.save(update_fields=["withdrawn_at"])
    Viewing.objects.filter(user=user, active=True, lesson__in=LessonPage.objects.child_of(course)).update(
        active=False, ended_at=now
    )
    return enrolment


# ---------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------
def course_lessons(course):
    return list(canonical_page(course).lessons())


def lesson_course(lesson):
    return canonical_page(lesson).get_parent().specific


def lesson_states(user, course):
    """[(lesson, progress or None, locked)] for the canonical lessons of a course, in order.

    In a sequential course a lesson is locked until every required lesson before it is completed;
    locked lessons stay listed.
    """
    course = canonical_page(course)
    lessons = course_lessons(course)
    progress = {}
    if getattr(user, "is_authenticated", False):
        progress = {
            p.lesson_id: p
            for p in LessonProgress.objects.filter(user=user, lesson__in=[lesson.pk for lesson in lessons])
        }
    states = []
    blocked = False
    for lesson in lessons:
        record = progress.get(lesson.pk)
        states.append((lesson, record, bool(course.sequential and blocked)))
        if lesson.required and (record is None or record.status != ProgressStatus.COMPLETED):
            blocked = True
    return states


def is_lesson_locked(user, lesson):
    lesson = canonical_page(lesson)
    for candidate, _record, locked in lesson_states(user, lesson_course(lesson)):
        if candidate.pk == lesson.pk:
            return locked
    return False


def course_progress(user, course):
    """Percent of the course done: required lessons completed, plus the final quiz passed."""
    course = canonical_page(course)
    states = lesson_states(user, course)
    units = [
        record is not None and record.status == ProgressStatus.COMPLETED
        for lesson, record, _l in states
        if lesson.required
    ]
    if course.final_quiz_id:
        units.append(quiz_passed(user, course.final_quiz, course=course))
    if not units:
        return 0
    return round(100 * sum(units) / len(units))


def _progress_for_update(user, lesson, course, now):
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"course": course, "started_at": now, "status": ProgressStatus.IN_PROGRESS}
    )
    if progress.status == ProgressStatus.NOT_STARTED:
        progress.status = ProgressStatus.IN_PROGRESS
        progress.started_at = progress.started_at or now
    return progress


def _require_open_lesson(user, lesson):
    course = lesson_course(lesson)
    if not is_enrolled(user, course):
        raise NotEnrolled()
    if is_lesson_locked(user, lesson):
        raise LessonLocked()
    return course


# ---------------------------------------------------------------------------
# Server-verified study time
# ---------------------------------------------------------------------------
def merge_segments(segments, new):
    """Union of [start, end] segments (sorted, merged) with ``new`` added."""
    items = sorted([list(s) for s in segments] + ([list(new)] if new else []))
    merged = []
    for start, end in items:
        if end <= start:
            continue
        if merged and start <= merged[-1][1] + 0.001:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[round(s, 3), round(e, 3)] for s, e in merged]


def covered_length(segments):
    return sum(end - start for start, end in segments)


@transaction.atomic
def start_viewing(user, lesson, now=None):
    """Open a lesson for study: a new server-issued viewing token; any other viewing of the learner ends.

    Only one viewing per learner is active at a time (also a database constraint), so two tabs or
    two devices never earn time together.
    """
    now = _now(now)
    lesson = canonical_page(lesson)
    course = _require_open_lesson(user, lesson)
    _lock_user(user)
    Viewing.objects.filter(user=user, active=True).update(active=False, ended_at=now)
    progress = _progress_for_update(user, lesson, course, now)
    progress.save()
    position = progress.position_seconds if lesson.kind == LessonKind.VIDEO else 0
    if lesson.duration_seconds and position >= lesson.duration_seconds - 1:
        position = 0  # finished last time: start again from the beginning
    return Viewing.objects.create(
        user=user,
        lesson=lesson,
        lesson_kind=lesson.kind,
        duration_seconds=lesson.duration_seconds,
        started_at=now,
        last_heartbeat_at=now,
        last_position=position,
        last_state=Viewing.State.PAUSED,
    )


class HeartbeatResult(dict):
    """What the heartbeat endpoint returns: credited seconds and the lesson's state."""


def heartbeat(user, token, seq, state, position=0.0, seeked_from=None, now=None, language="zh-hans"):
    """Record one heartbeat of a viewing and credit verified time.

    For the interval since the previous accepted heartbeat of this viewing, and only when the learner
    was then playing (video) or looking at the page (reading):
      * study time credited = min(real elapsed, video position advance) — never more than elapsed;
      * video watched credited = min(position advance, elapsed × playback-rate cap), as the segment
        starting at the previous position (a declared seek ends the segment where the seek began);
      * an interval longer than COLLEGE_HEARTBEAT_MAX_GAP_SECONDS credits nothing.
    Unknown, superseded, replayed or out-of-order (seq not increasing) heartbeats and impossible
    positions are refused (``HeartbeatRefused``) and credit nothing.
    """
    now = _now(now)
    refusal = None
    with transaction.atomic():
        viewing = Viewing.objects.select_for_update().filter(token=str(token)[:64], user=user).first()
        if viewing is None:
            raise HeartbeatRefused(_("This viewing is unknown. Reload the page."), code="unknown_viewing")
        if not viewing.active:
            refusal = HeartbeatRefused(
                _("This lesson was opened in another window or device; study time counts there only."),
                code="superseded",
            )
        elif state not in Viewing.State.values:
            refusal = HeartbeatRefused(_("Unknown player state."), code="invalid_state")
        elif not isinstance(seq, int) or seq <= viewing.last_seq:
            refusal = HeartbeatRefused(_("Replayed or out-of-order heartbeat."), code="replayed")
        elif viewing.lesson_kind == LessonKind.VIDEO and not _valid_position(
            position, viewing.duration_seconds, seeked_from
        ):
            refusal = HeartbeatRefused(_("Impossible video position."), code="invalid_position")
        if refusal is not None:
            viewing.refused_count += 1
            viewing.save(update_fields=["refused_count"])
        else:
            result = _accept_heartbeat(user, viewing, seq, state, position, seeked_from, now, language)
    if refusal is not None:
        raise refusal
    return result


def _valid_position(position, duration_seconds, seeked_from):
    limit = (duration_seconds or 0) + 1
    for value in (position, seeked_from):
        if value is None:
            continue
        if not isinstance(value, (int, float)) or math.isnan(value) or math.isinf(value) or value < 0 or value > limit:
            return False
    return True


def _accept_heartbeat(user, viewing, seq, state, position, seeked_from, now, language):
    elapsed = (now - viewing.last_heartbeat_at).total_seconds()
    interval_counts = viewing.last_state == Viewing.State.PLAYING and 0 < elapsed <= heartbeat_max_gap()
    study_credit = 0.0
    segment = None
    is_video = viewing.lesson_kind == LessonKind.VIDEO
    if is_video:
        position = float(position)
        watched_to = float(seeked_from) if seeked_from is not None else position
        advance = watched_to - viewing.last_position
        if interval_counts and advance > 0:
            watched = min(advance, elapsed * playback_rate_cap())
            segment = [viewing.last_position, viewing.last_position + watched]
            study_credit = min(elapsed, watched)
    else:
        position = 0.0
        if interval_counts:
            study_credit = elapsed

    viewing.last_seq = seq
    viewing.last_heartbeat_at = now
    viewing.last_position = position
    viewing.last_state = state
    viewing.credited_seconds += study_credit
    viewing.save(update_fields=["last_seq", "last_heartbeat_at", "last_position", "last_state", "credited_seconds"])

    # The progress row exists since start_viewing; its course avoids walking the page tree.
    progress = LessonProgress.objects.select_for_update().filter(user=user, lesson_id=viewing.lesson_id).first()
    if progress is None:
        lesson = viewing.lesson
        progress = _progress_for_update(user, lesson, lesson_course(lesson), now)
    progress.study_seconds += study_credit
    if is_video:
        progress.position_seconds = position
        if segment:
            progress.covered_segments = merge_segments(progress.covered_segments, segment)
            progress.covered_seconds = covered_length(progress.covered_segments)
    newly_completed = False
    if (
        is_video
        and progress.status != ProgressStatus.COMPLETED
        and viewing.duration_seconds
        and progress.covered_seconds >= completion_ratio() * viewing.duration_seconds
    ):
        progress.status = ProgressStatus.COMPLETED
        progress.completed_at = now
        newly_completed = True
    progress.save()
    if newly_completed:
        maybe_complete_course(user, progress.course, language=language, now=now)
    return HeartbeatResult(
        credited=round(study_credit, 3),
        study_seconds=round(progress.study_seconds, 3),
        covered_seconds=round(progress.covered_seconds, 3),
        status=progress.status,
        completed=progress.status == ProgressStatus.COMPLETED,
        seq=seq,
    )


@transaction.atomic
def end_viewing(user, token, now=None):
    """Close a viewing (page left); later heartbeats with its token are refused."""
    Viewing.objects.filter(user=user, token=str(token)[:64], active=True).update(active=False, ended_at=_now(now))


@transaction.atomic
def confirm_read(user, lesson, now=None, language="zh-hans"):
    """'I have read this': completes a reading lesson once its minimum verified reading time is reached."""
    now = _now(now)
    lesson = canonical_page(lesson)
    if lesson.kind != LessonKind.READING:
        raise CourseError(_("Only reading lessons are confirmed as read."), code="not_reading")
    course = _require_open_lesson(user, lesson)
    _lock_user(user)
    progress = _progress_for_update(user, lesson, course, now)
    if progress.status == ProgressStatus.COMPLETED:
        return progress
    if progress.study_seconds < lesson.min_reading_seconds:
        progress.save()
        raise NotEnoughTime()
    progress.status = ProgressStatus.COMPLETED
    progress.read_confirmed_at = now
    progress.completed_at = now
    progress.save()
    maybe_complete_course(user, course, language=language, now=now)
    return progress


# ---------------------------------------------------------------------------
# Completion
# ---------------------------------------------------------------------------
def course_requirements_met(user, course):
    course = canonical_page(course)
    required = [lesson.pk for lesson in course_lessons(course) if lesson.required]
    done = LessonProgress.objects.filter(user=user, lesson__in=required, status=ProgressStatus.COMPLETED).count()
    if done < len(required):
        return False
    if course.final_quiz_id and not quiz_passed(user, course.final_quiz, course=course):
        return False
    return True


@transaction.atomic
def maybe_complete_course(user, course, language="zh-hans", now=None):
    """Record the course as completed once every requirement is met; returns the completion or None.

    The completion, the enrolment's completed date and the ledger credit are written once; the
    ``course_completed`` signal is sent after commit. Training classes containing the course are
    then checked.
    """
    now = _now(now)
    course = canonical_page(course)
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=user, course=course, withdrawn_at__isnull=True).first()
    )
    if enrolment is None or not course_requirements_met(user, course):
        return None
    if CourseCompletion.objects.filter(user=user, course=course).exists():
        return None
    score = None
    if course.final_quiz_id:
        score = quiz_score(user, course.final_quiz, course=course)
    completion = CourseCompletion.objects.create(
        user=user,
        course=course,
        completed_at=now,
        language=_language(language),
        credit_hours=course.credit_hours,
        credit_type=course.credit_type,
        quiz_score=score,
    )
    enrolment.completed_at = now
    enrolment.save(update_fields=["completed_at"])
    if course.credit_hours > 0:
        add_credit(
            user,
            hours=course.credit_hours,
            source=CreditEntry.Source.COURSE,
            credit_type=course.credit_type,
            title=course.title,
            reference=f"course:{course.pk}",
            earned_on=timezone.localdate(now),
            course=course,
        )
    transaction.on_commit(
        lambda: signals.course_completed.send(sender=CourseCompletion, user=user, course=course, completion=completion)
    )
    for membership in TrainingClassMember.objects.filter(
        user=user, completed_at__isnull=True, training_class__class_courses__course=course
    ).select_related("training_class"):
        maybe_complete_training_class(membership, language=language, now=now)
    return completion


def maybe_complete_training_class(membership, language="zh-hans", now=None):
    """Mark a class member complete once every class course is completed (sent once, after commit)."""
    now = _now(now)
    course_ids = list(membership.training_class.class_courses.values_list("course_id", flat=True))
    if not course_ids:
        return False
    done = CourseCompletion.objects.filter(user=membership.user_id, course_id__in=course_ids).count()
    if done < len(course_ids):
        return False
    updated = TrainingClassMember.objects.filter(pk=membership.pk, completed_at__isnull=True).update(
        completed_at=now, language=_language(language)
    )
    if not updated:
        return False
    membership.refresh_from_db()
    training_class = membership.training_class
    user = membership.user
    transaction.on_commit(
        lambda: signals.training_class_completed.send(
            sender=TrainingClassMember,
            user=user,
            training_class=training_class,
            membership=membership,
            completion=membership,
        )
    )
    return True


# ---------------------------------------------------------------------------
# Quizzes (graded on the server only)
# ---------------------------------------------------------------------------
def _submitted(user, quiz):
    return QuizAttempt.objects.filter(user=user, quiz=quiz, status=QuizAttempt.Status.SUBMITTED)


def counted_attempt(user, quiz, course=None):
    """The attempt whose score counts under the quiz's best-or-last policy."""
    attempts = _submitted(user, quiz)
    if quiz.score_policy == Quiz.ScorePolicy.LAST:
        return attempts.order_by("-submitted_at", "-number").first()
    return attempts.order_by("-score", "submitted_at").first()


def quiz_score(user, quiz, course=None):
    attempt = counted_attempt(user, quiz, course)
    return attempt.score if attempt else None


def quiz_passed(user, quiz, course=None):
    if not getattr(user, "is_authenticated", False):
        return False
    attempt = counted_attempt(user, quiz, course)
    return bool(attempt and attempt.passed)


def attempts_used(user, quiz):
    return QuizAttempt.objects.filter(user=user, quiz=quiz).exclude(status=QuizAttempt.Status.IN_PROGRESS).count()


def _expire_overdue(user, quiz, now):
    grace = datetime.timedelta(seconds=QUIZ_GRACE_SECONDS)
    QuizAttempt.objects.filter(
        user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS, deadline__lt=now - grace
    ).update(status=QuizAttempt.Status.EXPIRED, score=0, passed=False)


@transaction.atomic
def start_attempt(user, quiz, course=None, now=None, rng=None):
    """Start (or resume) an attempt: questions drawn at random, options shuffled, deadline set."""
    now = _now(now)
    rng = rng or random.SystemRandom()
    if course is not None:
        course = canonical_page(course)
        if not is_enrolled(user, course):
            raise NotEnrolled()
    _lock_user(user)
    _expire_overdue(user, quiz, now)
    current = QuizAttempt.objects.filter(user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS).first()
    if current is not None:
        return current
    if quiz.max_attempts and attempts_used(user, quiz) >= quiz.max_attempts:
        raise QuizError(_("You have used all the attempts allowed for this quiz."), code="attempts_exhausted")
    questions = list(quiz.bank.questions.prefetch_related("choices"))
    if not questions:
        raise QuizError(_("This quiz has no questions yet."), code="empty")
    drawn_questions = rng.sample(questions, min(quiz.question_count, len(questions)))
    drawn = []
    for question in drawn_questions:
        choice_ids = [choice.pk for choice in question.choices.all()]
        if quiz.shuffle_options:
            rng.shuffle(choice_ids)
        drawn.append({"question": question.pk, "choices": choice_ids})
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    deadline = now + datetime.timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    return QuizAttempt.objects.create(
        user=user, quiz=quiz, course=course, number=number, started_at=now, deadline=deadline, drawn=drawn
    )


def attempt_questions(attempt, language="zh-hans"):
    """The questions of an attempt as shown before submission: texts and options only, never the answers."""
    from .models import Choice, Question

    questions = {q.pk: q for q in Question.objects.filter(pk__in=[d["question"] for d in attempt.drawn])}
    choices = {c.pk: c for c in Choice.objects.filter(question__in=questions.keys())}
    shown = []
    for position, item in enumerate(attempt.drawn, start=1):
        question = questions.get(item["question"])
        if question is None:
            continue
        shown.append(
            {
                "id": question.pk,
                "number": position,
                "kind": question.kind,
                "multiple": question.kind == Question.Kind.MULTIPLE,
                "text": question.text_for(language),
                "choices": [
                    {"id": cid, "text": choices[cid].text_for(language)} for cid in item["choices"] if cid in choices
                ],
            }
        )
    return shown


def attempt_review(attempt, language="zh-hans"):
    """After submission: every question with the learner's answer, the correct options and the explanation."""
    from .models import Choice, Question

    if attempt.status == QuizAttempt.Status.IN_PROGRESS:
        raise QuizError(_("Submit the quiz before reviewing it."), code="not_submitted")
    questions = {q.pk: q for q in Question.objects.filter(pk__in=[d["question"] for d in attempt.drawn])}
    choices = {c.pk: c for c in Choice.objects.filter(question__in=questions.keys())}
    review = []
    for position, item in enumerate(attempt.drawn, start=1):
        question = questions.get(item["question"])
        if question is None:
            continue
        selected = set(attempt.answers.get(str(question.pk), []))
        options = [
            {
                "id": cid,
                "text": choices[cid].text_for(language),
                "correct": choices[cid].is_correct,
                "selected": cid in selected,
            }
            for cid in item["choices"]
            if cid in choices
        ]
        review.append(
            {
                "id": question.pk,
                "number": position,
                "text": question.text_for(language),
                "choices": options,
                "correct": all(o["correct"] == o["selected"] for o in options),
                "explanation": question.explanation_for(language),
            }
        )
    return review


def submit_attempt(user, attempt_id, answers, now=None, language="zh-hans"):
    """Grade an attempt on the server. ``answers``: {question id: [choice id, …]}.

    A question scores when the chosen options are exactly its correct ones. Answers to questions
    not drawn, options of other questions and several options for a single-choice question are
    refused with nothing stored. A submission after the time limit (plus a short grace) expires
    the attempt with score 0.
    """
    from .models import Question

    now = _now(now)
    expired = False
    with transaction.atomic():
        attempt = (
            QuizAttempt.objects.select_for_update().select_related("quiz").filter(pk=attempt_id, user=user).first()
        )
        if attempt is None:
            raise QuizError(_("This quiz attempt does not exist."), code="unknown_attempt")
        if attempt.status != QuizAttempt.Status.IN_PROGRESS:
            raise QuizError(_("This attempt has already been submitted."), code="already_submitted")
        if attempt.deadline and now > attempt.deadline + datetime.timedelta(seconds=QUIZ_GRACE_SECONDS):
            attempt.status = QuizAttempt.Status.EXPIRED
            attempt.submitted_at = now
            attempt.score = 0
            attempt.passed = False
            attempt.save()
            expired = True
        else:
            cleaned = _clean_answers(attempt, answers)
            kinds = dict(
                Question.objects.filter(pk__in=[d["question"] for d in attempt.drawn]).values_list("pk", "kind")
            )
            for qid, chosen in cleaned.items():
                if kinds.get(qid) != Question.Kind.MULTIPLE and len(chosen) > 1:
                    raise QuizError(
                        _("Choose only one answer for single-choice and true/false questions."), code="invalid_answers"
                    )
            correct = _correct_choices(attempt)
            right = sum(
                1
                for item in attempt.drawn
                if set(cleaned.get(item["question"], [])) == correct.get(item["question"], set())
            )
            total = len(attempt.drawn) or 1
            score = (Decimal(100) * right / total).quantize(Decimal("0.01"))
            attempt.answers = {str(qid): sorted(chosen) for qid, chosen in cleaned.items()}
            attempt.score = score
            attempt.passed = score >= attempt.quiz.pass_mark
            attempt.status = QuizAttempt.Status.SUBMITTED
            attempt.submitted_at = now
            attempt.save()
            quiz = attempt.quiz
            if attempt.passed and quiz.credit_hours > 0:
                add_credit(
                    user,
                    hours=quiz.credit_hours,
                    source=CreditEntry.Source.QUIZ,
                    credit_type=attempt.course.credit_type if attempt.course else CreditType.ELECTIVE,
                    title=quiz.title,
                    reference=f"quiz:{quiz.pk}",
                    earned_on=timezone.localdate(now),
                )
            if attempt.course_id:
                maybe_complete_course(user, attempt.course, language=language, now=now)
    if expired:
        raise QuizError(_("The time limit of this quiz has passed; the attempt was not accepted."), code="time_limit")
    return attempt


def _clean_answers(attempt, answers):
    if not isinstance(answers, dict):
        raise QuizError(_("The answers could not be read."), code="invalid_answers")
    offered = {item["question"]: set(item["choices"]) for item in attempt.drawn}
    cleaned = {}
    for key, values in answers.items():
        try:
            qid = int(key)
            chosen = {int(v) for v in (values if isinstance(values, (list, tuple, set)) else [values])}
        except (TypeError, ValueError):
            raise QuizError(_("The answers could not be read."), code="invalid_answers") from None
        if qid not in offered or not chosen <= offered[qid]:
            raise QuizError(_("An answer does not belong to this quiz."), code="invalid_answers")
        cleaned[qid] = chosen
    return cleaned


def _correct_choices(attempt):
    from .models import Choice

    correct = {item["question"]: set() for item in attempt.drawn}
    for qid, cid in Choice.objects.filter(question__in=correct.keys(), is_correct=True).values_list(
        "question_id", "pk"
    ):
        correct[qid].add(cid)
    return correct


# ---------------------------------------------------------------------------
# Credit-hour ledger
# ---------------------------------------------------------------------------
def add_credit(
    user, hours, source, credit_type, title, earned_on, reference="", course=None, reason="", created_by=None
):
    """Add a ledger entry for the calendar year of ``earned_on``; an activity with a ``reference``
    counts once (a second call returns the existing entry). Returns (entry, created)."""
    hours = Decimal(str(hours))
    if hours <= 0:
        raise CreditError(_("Hours must be more than zero."))
    if reference:
        existing = CreditEntry.objects.filter(user=user, reference=reference).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            entry = CreditEntry.objects.create(
                user=user,
                year=earned_on.year,
                hours=hours,
                source=source,
                credit_type=credit_type,
                title=title[:255],
                reference=reference,
                course=course,
                reason=reason,
                earned_on=earned_on,
                created_by=created_by,
            )
    except IntegrityError:
        return CreditEntry.objects.get(user=user, reference=reference), False
    return entry, True


def add_offline_credit(user, hours, credit_type, title, reason, earned_on, created_by):
    """Staff record an offline activity (lecture, field study) with the reason for the entry."""
    if not (reason or "").strip():
        raise CreditError(_("Give the reason for this entry."))
    if not (title or "").strip():
        raise CreditError(_("Name the activity."))
    try:
        hours = Decimal(str(hours))
    except Exception:
        raise CreditError(_("Enter the hours as a number.")) from None
    if hours <= 0 or hours > 100:
        raise CreditError(_("Hours must be more than 0 and at most 100."))
    entry, _created = add_credit(
        user,
        hours,
        CreditEntry.Source.OFFLINE,
        credit_type,
        title.strip(),
        earned_on,
        reason=reason.strip(),
        created_by=created_by,
    )
    return entry


def record_visit_credit(user, hours, title, reference, earned_on, credit_type=CreditType.ELECTIVE):
    """For the visits app: credit a study visit once per ``reference`` (e.g. the visit request id)."""
    return add_credit(
        user, hours, CreditEntry.Source.VISIT, credit_type, title, earned_on, reference=f"visit:{reference}"
    )


def year_summary(user, year, language=None):
    """This year's ledger for a learner: entries, totals per type, target and percent of target.

    Each entry gets ``display_title``: a course's title in ``language`` when the course has a copy in it.
    """
    entries = list(
        CreditEntry.objects.filter(user=user, year=year).select_related("course").order_by("earned_on", "id")
    )
    for entry in entries:
        entry.display_title = entry.title
        if language and entry.course_id:
            entry.display_title = localized_page(entry.course, _language(language)).title
    required = sum((e.hours for e in entries if e.credit_type == CreditType.REQUIRED), Decimal(0))
    elective = sum((e.hours for e in entries if e.credit_type == CreditType.ELECTIVE), Decimal(0))
    total = required + elective
    target = annual_target()
    return {
        "year": year,
        "entries": entries,
        "required": required,
        "elective": elective,
        "total": total,
        "target": target,
        "required_target": annual_required_target(),
        "percent": min(100, int(total * 100 / target)) if target else 100,
        "met": total >= target and required >= annual_required_target(),
    }


def ledger_years(user):
    return list(CreditEntry.objects.filter(user=user).values_list("year", flat=True).distinct().order_by("-year"))


# ---------------------------------------------------------------------------
# Training classes
# ---------------------------------------------------------------------------
@transaction.atomic
def add_members(training_class, users, now=None):
    """Put learners in a class and enrol them in every class course (withdrawn enrolments re-open)."""
    now = _now(now)
    courses = [link.course for link in training_class.class_courses.select_related("course")]
    added = 0
    for user in users:
        membership, created = TrainingClassMember.objects.get_or_create(
            training_class=training_class, user=user, defaults={"enrolled_at": now}
        )
        added += int(created)
        for course in courses:
            enrol(user, course, source=Enrolment.Source.CLASS, now=now)
        maybe_complete_training_class(membership, now=now)
    return added
