"""Quizzes: server grading, random draw, shuffled options, time and attempt limits, score policy."""

import random
from decimal import Decimal

import pytest

from courses import services
from courses.models import Choice, Question, Quiz, QuizAttempt

from .factories import CoursePageFactory, QuizFactory, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def half_right(attempt):
    answers = right_answers(attempt)
    wrong = wrong_answers(attempt)
    for key in list(answers)[: len(answers) // 2]:
        answers[key] = wrong[key]
    return answers


def test_questions_are_drawn_at_random_and_options_shuffled(learner, clock):
    quiz = QuizFactory(bank__questions=10, question_count=4, max_attempts=0)
    attempt = services.start_attempt(learner, quiz, now=clock(), rng=random.Random(1))
    assert len(attempt.drawn) == 4
    drawn_sets, orders = set(), set()
    for seed in range(2, 8):
        services.submit_attempt(learner, attempt.pk, {}, now=clock())
        attempt = services.start_attempt(learner, quiz, now=clock(), rng=random.Random(seed))
        drawn_sets.add(tuple(sorted(item["question"] for item in attempt.drawn)))
        orders.update(tuple(item["choices"]) for item in attempt.drawn)
    assert len(drawn_sets) > 1
    first_options = Choice.objects.filter(question__bank=quiz.bank).order_by("sort_order")
    assert len(orders) > 1
    assert first_options.exists()


def test_shown_questions_never_carry_the_answers(learner, clock):
    quiz = QuizFactory()
    attempt = services.start_attempt(learner, quiz, now=clock())
    shown = services.attempt_questions(attempt)
    assert len(shown) == 4
    for question in shown:
        assert set(question) == {"id", "number", "kind", "multiple", "text", "choices"}
        for choice in question["choices"]:
            assert set(choice) == {"id", "text"}
    with pytest.raises(services.QuizError):
        services.attempt_review(attempt)


def test_grading_counts_exact_answers_and_review_explains(learner, clock):
    quiz = QuizFactory(bank__questions=4, question_count=4, pass_mark=60)
    attempt = services.start_attempt(learner, quiz, now=clock())
    graded = services.submit_attempt(learner, attempt.pk, half_right(attempt), now=clock())
    assert graded.score == Decimal("50.00")
    assert not graded.passed
    review = services.attempt_review(graded)
    assert [item["correct"] for item in review].count(True) == 2
    assert all(item["explanation"].startswith("解析") for item in review)
    assert all(any(c["correct"] for c in item["choices"]) for item in review)


def test_multiple_choice_needs_exactly_the_right_set(learner, clock):
    quiz = QuizFactory(bank__questions=0, question_count=1)
    question = Question.objects.create(bank=quiz.bank, kind=Question.Kind.MULTIPLE, text="多选", explanation="两项都对")
    a = Choice.objects.create(question=question, text="A", is_correct=True)
    b = Choice.objects.create(question=question, text="B", is_correct=True)
    Choice.objects.create(question=question, text="C", is_correct=False)
    attempt = services.start_attempt(learner, Quiz.objects.get(pk=quiz.pk), now=clock())
    graded = services.submit_attempt(learner, attempt.pk, {str(question.pk): [a.pk]}, now=clock())
    assert graded.score == 0
    quiz.max_attempts = 0
    quiz.save()
    attempt = services.start_attempt(learner, quiz, now=clock())
    graded = services.submit_attempt(learner, attempt.pk, {str(question.pk): [a.pk, b.pk]}, now=clock())
    assert graded.score == 100


def test_attempt_limit_is_enforced(learner, clock):
    quiz = QuizFactory(max_attempts=2)
    for _ in range(2):
        attempt = services.start_attempt(learner, quiz, now=clock())
        services.submit_attempt(learner, attempt.pk, wrong_answers(attempt), now=clock())
    with pytest.raises(services.QuizError) as refused:
        services.start_attempt(learner, quiz, now=clock())
    assert refused.value.code == "attempts_exhausted"
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_submission_after_the_time_limit_is_refused_and_counts_as_an_attempt(learner, clock):
    quiz = QuizFactory(time_limit_minutes=10, max_attempts=1)
    attempt = services.start_attempt(learner, quiz, now=clock())
    clock.advance(11 * 60)
    with pytest.raises(services.QuizError) as refused:
        services.submit_attempt(learner, attempt.pk, right_answers(attempt), now=clock())
    assert refused.value.code == "time_limit"
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.EXPIRED and not attempt.passed
    with pytest.raises(services.QuizError):
        services.start_attempt(learner, quiz, now=clock())


def test_a_started_attempt_is_resumed_not_redrawn(learner, clock):
    quiz = QuizFactory(bank__questions=10, question_count=3)
    first = services.start_attempt(learner, quiz, now=clock())
    again = services.start_attempt(learner, quiz, now=clock())
    assert again.pk == first.pk


def test_bad_answers_are_refused_and_nothing_is_stored(learner, clock):
    quiz = QuizFactory()
    other = QuizFactory(bank__name="另一个题库")
    attempt = services.start_attempt(learner, quiz, now=clock())
    foreign = Choice.objects.filter(question__bank=other.bank).first()
    qid = str(attempt.drawn[0]["question"])
    two = attempt.drawn[0]["choices"][:2]
    for answers in ({qid: [foreign.pk]}, {"999999": [1]}, {qid: ["x"]}, ["not", "a", "dict"], {qid: two}):
        with pytest.raises(services.QuizError) as refused:
            services.submit_attempt(learner, attempt.pk, answers, now=clock())
        assert refused.value.code == "invalid_answers"
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.IN_PROGRESS and attempt.answers == {}


def test_submitting_twice_or_someone_elses_attempt_is_refused(learner, clock):
    from tests.accounts.factories import UserFactory

    quiz = QuizFactory()
    attempt = services.start_attempt(learner, quiz, now=clock())
    with pytest.raises(services.QuizError):
        services.submit_attempt(UserFactory(), attempt.pk, right_answers(attempt), now=clock())
    services.submit_attempt(learner, attempt.pk, right_answers(attempt), now=clock())
    with pytest.raises(services.QuizError) as refused:
        services.submit_attempt(learner, attempt.pk, wrong_answers(attempt), now=clock())
    assert refused.value.code == "already_submitted"


@pytest.mark.parametrize(
    "policy, expected_score, expected_passed", [("best", Decimal("100.00"), True), ("last", Decimal("0.00"), False)]
)
def test_best_or_last_policy(learner, clock, policy, expected_score, expected_passed):
    quiz = QuizFactory(score_policy=policy, max_attempts=0)
    attempt = services.start_attempt(learner, quiz, now=clock())
    services.submit_attempt(learner, attempt.pk, right_answers(attempt), now=clock())
    clock.advance(60)
    attempt = services.start_attempt(learner, quiz, now=clock())
    services.submit_attempt(learner, attempt.pk, wrong_answers(attempt), now=clock())
    assert services.quiz_score(learner, quiz) == expected_score
    assert services.quiz_passed(learner, quiz) is expected_passed


def test_quiz_credit_hours_are_credited_once(home_page, learner, clock):
    from courses.models import CreditEntry

    quiz = QuizFactory(credit_hours=Decimal("0.5"), max_attempts=0)
    for _ in range(2):
        attempt = services.start_attempt(learner, quiz, now=clock())
        services.submit_attempt(learner, attempt.pk, right_answers(attempt), now=clock())
    assert list(CreditEntry.objects.filter(user=learner).values_list("source", "hours")) == [("quiz", Decimal("0.50"))]


def test_course_quiz_needs_enrolment(home_page, learner, clock):
    course = CoursePageFactory(home=home_page, final_quiz=QuizFactory())
    with pytest.raises(services.NotEnrolled):
        services.start_attempt(learner, course.final_quiz, course=course, now=clock())
