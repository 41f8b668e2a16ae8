"""Quizzes, graded on the server only: drawing questions, attempt and time limits, grading, score policy."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Choice, CoursePage, CreditEntry, CreditType, Question, Quiz, QuizAttempt
from . import clock
from .canonical import canonical_page
from .credits import add_credit
from .enrolment import is_enrolled
from .errors import NotEnrolled, QuizError
from .locking import _lock_user
from .rule_settings import QUIZ_GRACE_SECONDS

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from college.accounts.models import User


def _submitted(user: User, quiz: Quiz) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(user=user, quiz=quiz, status=QuizAttempt.Status.SUBMITTED)


def counted_attempt(user: User, quiz: Quiz, course: CoursePage | None = None) -> QuizAttempt | None:
    """The attempt whose score counts under the quiz's best-or-last policy."""
    attempts = _submitted(user, quiz)
    if quiz.score_policy == Quiz.ScorePolicy.LAST:
        return attempts.order_by("-submitted_at", "-number").first()
    return attempts.order_by("-score", "submitted_at").first()


def quiz_score(user: User, quiz: Quiz, course: CoursePage | None = None) -> Decimal | None:
    """The score that counts (best or last attempt), or None before any submission."""
    attempt = counted_attempt(user, quiz, course)
    return attempt.score if attempt else None


def quiz_passed(user: User | AnonymousUser, quiz: Quiz, course: CoursePage | None = None) -> bool:
    """Whether the attempt that counts passed."""
    if not getattr(user, "is_authenticated", False):
        return False
    user = cast("User", user)  # signed in, as checked above
    attempt = counted_attempt(user, quiz, course)
    return bool(attempt and attempt.passed)


def attempts_used(user: User, quiz: Quiz) -> int:
    """Attempts submitted or expired (an attempt in progress is not counted yet)."""
    return QuizAttempt.objects.filter(user=user, quiz=quiz).exclude(status=QuizAttempt.Status.IN_PROGRESS).count()


def _expire_overdue(user: User, quiz: Quiz, now: datetime.datetime) -> None:
    grace = datetime.timedelta(seconds=QUIZ_GRACE_SECONDS)
    QuizAttempt.objects.filter(
        user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS, deadline__lt=now - grace
    ).update(status=QuizAttempt.Status.EXPIRED, score=0, passed=False)


@transaction.atomic
def start_attempt(
    user: User,
    quiz: Quiz,
    course: CoursePage | None = None,
    now: datetime.datetime | None = None,
    rng: random.Random | None = None,
) -> QuizAttempt:
    """Start (or resume) an attempt: questions drawn at random, options shuffled, deadline set."""
    now = clock.now(now)
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


def attempt_questions(attempt: QuizAttempt, language: str = "zh-hans") -> list[dict[str, Any]]:
    """The questions of an attempt as shown before submission: texts and options only, never the answers."""
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


def attempt_review(attempt: QuizAttempt, language: str = "zh-hans") -> list[dict[str, Any]]:
    """After submission: every question with the learner's answer, the correct options and the explanation."""
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


def submit_attempt(
    user: User,
    attempt_id: int,
    answers: dict[str, Any],
    now: datetime.datetime | None = None,
    language: str = "zh-hans",
) -> QuizAttempt:
    """Grade an attempt on the server. ``answers``: {question id: [choice id, …]}.

    A question scores when the chosen options are exactly its correct ones. Answers to questions
    not drawn, options of other questions and several options for a single-choice question are
    refused with nothing stored. A submission after the time limit (plus a short grace) expires
    the attempt with score 0.
    """
    # Completion reads quiz scores from this module, so it is imported when a quiz is submitted.
    from .completion import maybe_complete_course

    now = clock.now(now)
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
            if attempt.course is not None:
                maybe_complete_course(user, attempt.course, language=language, now=now)
    if expired:
        raise QuizError(_("The time limit of this quiz has passed; the attempt was not accepted."), code="time_limit")
    return attempt


def _clean_answers(attempt: QuizAttempt, answers: object) -> dict[int, set[int]]:
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


def _correct_choices(attempt: QuizAttempt) -> dict[int, set[int]]:
    correct: dict[int, set[int]] = {item["question"]: set() for item in attempt.drawn}
    for qid, cid in Choice.objects.filter(question__in=correct.keys(), is_correct=True).values_list(
        "question_id", "pk"
    ):
        correct[qid].add(cid)
    return correct
