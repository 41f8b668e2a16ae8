"""The demo courses are data files: they parse, fit their schema and refer to what exists."""

from decimal import Decimal

import pytest

from courses.demo.content import CONTENT_DIR, load_content
from tests.demo_files import assert_rejected, copy_content, edit


def test_the_shipped_files_hold_six_bilingual_courses_with_lessons_and_quizzes():
    data = load_content()
    courses = data["courses"]
    assert [course["slug"] for course in courses][:2] == ["fengqiao-history", "four-pre-method"]
    assert len(courses) == 6
    assert courses[0]["credit_hours"] == Decimal("2") and courses[1]["credit_hours"] == Decimal("1.5")
    for course in courses:
        assert len(course["lessons"]) == 3
        assert len(course["questions"]) >= data["quiz"]["question_count"]
        for lesson in course["lessons"]:
            assert lesson["paragraphs"]["zh"] and lesson["paragraphs"]["en"]
    assert set(data["training_class"]["courses"]) <= {course["slug"] for course in courses}
    assert data["quiz"]["title"]["en"].format(course="X") == "Final quiz: X"


@pytest.fixture
def copy(tmp_path):
    return copy_content(CONTENT_DIR, tmp_path)


HISTORY = "courses/fengqiao-history.toml"


@pytest.mark.parametrize(
    "file, old, new, fragments",
    [
        (
            HISTORY,
            'instructors = ["chen-liqun"]',
            'instructors = ["chen-li"]',
            [f"{HISTORY}: key 'instructors[0]': no [instructor.chen-li] in catalogue.toml"],
        ),
        (HISTORY, 'credit_type = "required"', 'credit_typ = "required"', [f"{HISTORY}: key 'credit_typ': unknown key"]),
        (HISTORY, "credit_hours = 2", "credit_hours = 0", [f"{HISTORY}: key 'credit_hours': must be more than 0"]),
        (  # a missing translation of a lesson's text
            HISTORY,
            'title.en = "1963: how the experience was born"\n',
            "",
            [f"{HISTORY}: lesson \"origins-1963\": key 'title.en': missing"],
        ),
        (HISTORY, 'kind = "video"', 'kind = "film"', ["lesson \"origins-1963\": key 'kind': unknown value 'film'"]),
        (  # a typo in an inline choice
            HISTORY,
            '{ zh = "1963年", en = "1963", correct = true }',
            '{ zh = "1963年", en = "1963", corect = true }',
            [f"{HISTORY}: question 1: key 'choices[0].corect': unknown key"],
        ),
        (  # a single-choice question with two right answers
            HISTORY,
            '{ zh = "1978年", en = "1978" }',
            '{ zh = "1978年", en = "1978", correct = true }',
            [f"{HISTORY}: question 1: key 'choices': a single question has exactly one correct = true, not 2"],
        ),
        (
            HISTORY,
            'slug = "reform-era"',
            'slug = "origins-1963"',
            ["lesson \"origins-1963\": key 'slug': another lesson"],
        ),
        (
            "catalogue.toml",
            "question_count = 4",
            "question_count = 6",
            ["key 'question': the final quiz draws 6 questions, but the course has only 5"],
        ),
        (
            "catalogue.toml",
            'courses = ["fengqiao-history", "four-pre-method", "grassroots-rule-of-law"]',
            'courses = ["fengqiao-history", "four-pre-methods"]',
            ["catalogue.toml: key 'training_class.courses[1]': no course 'four-pre-methods'"],
        ),
        (
            "catalogue.toml",
            '    "mediation-practice",\n',
            '    "mediation",\n',
            ["courses/mediation.toml: file not found"],
        ),
        (
            "catalogue.toml",
            '    "mediation-practice",\n',
            "",
            ["catalogue.toml: key 'index.courses': does not list 'mediation-practice'"],
        ),
        (
            "catalogue.toml",
            'title.en = "Final quiz: {course}"',
            'title.en = "Final quiz: {title}"',
            ["catalogue.toml: key 'quiz.title.en': unknown placeholder {title} (allowed: {course})"],
        ),
        (
            "catalogue.toml",
            'mobile = "13800000001"',
            "mobile = 13800000001",
            ["catalogue.toml: learner \"cadre1@demo.fengqiao.local\": key 'mobile': must be text, not a whole number"],
        ),
    ],
)
def test_a_broken_file_is_rejected_naming_file_item_and_key(copy, file, old, new, fragments):
    edit(copy / file, old, new)
    assert_rejected(load_content, copy, *fragments)
