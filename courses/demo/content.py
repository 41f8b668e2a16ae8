"""The texts of the demo courses, read from ``catalogue.toml`` and ``courses/<slug>.toml``.

``load_content()`` parses every file, checks it against the schemas below and
checks the references: every listed course has its file (and every file is
listed), instructors and the training class's courses exist, lesson slugs are
unique across courses, each quiz can draw its questions and each question has
its right answers marked as its kind needs.
"""

from pathlib import Path

from college.core.demo import content
from college.core.demo.content import (
    Boolean,
    Choice,
    DecimalNumber,
    Html,
    Integer,
    Items,
    ListOf,
    Location,
    Mapping,
    Optional,
    Table,
    Template,
    Text,
    Translated,
)

from ..models import CreditType, LessonKind, Question, Topic

CONTENT_DIR = Path(__file__).resolve().parent
# The courses the demo learner completes and starts, and the one the first [[learner]]
# completes (the seed studies them through the real services).
COMPLETED_COURSE, PART_WAY_COURSE, CADRE_COURSE = "fengqiao-history", "four-pre-method", "grassroots-rule-of-law"
PARAGRAPHS = Translated(ListOf(Text(), min_items=1))

CATALOGUE_SCHEMA = Table(
    index=Table(
        slug=Text(),
        title=Translated(Text()),
        intro=Translated(Html()),
        search_description=Translated(Text()),
        courses=ListOf(Text(), min_items=1, unique=True),
    ),
    instructor=Mapping(Table(name=Translated(Text()), title=Translated(Text()))),
    quiz=Table(
        title=Translated(Template("course")),
        question_count=Integer(1),
        pass_mark=Integer(0, 100),
        max_attempts=Integer(1),
        time_limit_minutes=Integer(1),
    ),
    training_class=Table(
        code=Text(),
        name=Translated(Template("year")),
        description=Text(),
        courses=ListOf(Text(), min_items=1, unique=True),
    ),
    learner=Items(
        "learner",
        Table(email=Text(), real_name=Text(), work_unit=Text(), mobile=Text(), region=Text()),
        label_key="email",
    ),
)

COURSE_SCHEMA = Table(
    topic=Choice(Topic.values),
    credit_hours=DecimalNumber(),
    credit_type=Choice(CreditType.values),
    sequential=Boolean(),
    instructors=ListOf(Text(), min_items=1, unique=True),
    title=Translated(Text()),
    summary=Translated(Text()),
    overview=Translated(Html()),
    objectives=Translated(Html()),
    lesson=Items(
        "lesson",
        Table(
            slug=Text(),
            kind=Choice(LessonKind.values),
            seconds=Integer(1),
            title=Translated(Text()),
            paragraphs=PARAGRAPHS,
        ),
    ),
    question=Items(
        "question",
        Table(
            kind=Choice(Question.Kind.values),
            text=Translated(Text()),
            choices=ListOf(
                Table(zh=Text(), en=Text(), correct=Optional(Boolean(), default=False)),
                min_items=2,
            ),
            explanation=Translated(Text()),
        ),
    ),
)


def course_file(directory, slug):
    """The file of the course ``slug``."""
    return Path(directory) / "courses" / f"{slug}.toml"


def load_content(directory=CONTENT_DIR):
    """``{"index", "instructors", "quiz", "training_class", "learners", "courses"}``, checked.

    Each course carries its ``slug`` (its file name), ``lessons`` and ``questions``.
    Raises DemoContentError naming file, item and key when anything does not fit.
    """
    directory = Path(directory)
    catalogue_file = directory / "catalogue.toml"
    catalogue = content.read(catalogue_file, CATALOGUE_SCHEMA)
    courses = []
    for slug in catalogue["index"]["courses"]:
        path = course_file(directory, slug)
        course = content.read(path, COURSE_SCHEMA)
        course["slug"] = slug
        course["lessons"] = course.pop("lesson")
        course["questions"] = course.pop("question")
        course["file"] = path
        courses.append(course)
    listed = set(catalogue["index"]["courses"])
    for stray in sorted((directory / "courses").glob("*.toml")):
        if stray.stem not in listed:
            raise (
                Location(catalogue_file)
                .key("index.courses")
                .error(f"does not list {stray.stem!r}, whose file courses/{stray.name} exists")
            )
    result = {
        "index": catalogue["index"],
        "instructors": catalogue["instructor"],
        "quiz": catalogue["quiz"],
        "training_class": catalogue["training_class"],
        "learners": catalogue["learner"],
        "courses": courses,
    }
    _check_references(result, catalogue_file)
    return result


def _check_references(data, catalogue_file):
    courses = {course["slug"] for course in data["courses"]}
    for slug in (COMPLETED_COURSE, PART_WAY_COURSE, CADRE_COURSE):
        if slug not in courses:
            raise (
                Location(catalogue_file)
                .key("index.courses")
                .error(f"misses {slug!r}: the demo learners study it (courses/demo/content.py)")
            )
    for number, slug in enumerate(data["training_class"]["courses"]):
        if slug not in courses:
            where = Location(catalogue_file).key("training_class.courses").index(number)
            raise where.error(f"no course {slug!r} in index.courses")
    content.unique(data["learners"], "email", lambda p: Location(catalogue_file, f'learner "{p["email"]}"'), "email")
    lessons = set()
    for course in data["courses"]:
        path = course["file"]
        for number, instructor in enumerate(course["instructors"]):
            if instructor not in data["instructors"]:
                raise (
                    Location(path)
                    .key("instructors")
                    .index(number)
                    .error(f"no [instructor.{instructor}] in catalogue.toml")
                )
        for lesson in course["lessons"]:
            if lesson["slug"] in lessons:
                raise (
                    Location(path, f'lesson "{lesson["slug"]}"')
                    .key("slug")
                    .error("another lesson has this slug (lesson slugs are unique across all courses)")
                )
            lessons.add(lesson["slug"])
        if len(course["questions"]) < data["quiz"]["question_count"]:
            raise (
                Location(path)
                .key("question")
                .error(
                    f"the final quiz draws {data['quiz']['question_count']} questions, "
                    f"but the course has only {len(course['questions'])}"
                )
            )
        for number, question in enumerate(course["questions"], start=1):
            _check_answers(question, Location(path, f"question {number}"))


def _check_answers(question, where):
    right = sum(1 for choice in question["choices"] if choice["correct"])
    if question["kind"] == Question.Kind.TRUE_FALSE and len(question["choices"]) != 2:
        raise where.key("choices").error("a true_false question has exactly two choices")
    if question["kind"] == Question.Kind.MULTIPLE and right < 1:
        raise where.key("choices").error("mark at least one choice correct = true")
    if question["kind"] != Question.Kind.MULTIPLE and right != 1:
        raise where.key("choices").error(f"a {question['kind']} question has exactly one correct = true, not {right}")
