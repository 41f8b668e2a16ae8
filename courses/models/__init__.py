"""Courses, lessons, quizzes, enrolment, verified study time, credit hours and training classes.

Every learner record (enrolment, progress, viewing, attempt, completion, ledger
entry) points at the *canonical* page of a course or lesson: the copy in the
default locale (zh-hans).  A learner on the English site studies the English
copy, but the records are shared, so switching language never loses progress.
``services.canonical_page()`` does the mapping.

One module per kind of model, all re-exported here (``from courses.models import CoursePage``
keeps working, and so do the migrations): ``choices``, ``snippets`` (the course library),
``pages`` (page types), ``records`` (learner records) and ``training`` (training classes).
"""

from .choices import CreditType, LessonKind, ProgressStatus, Topic
from .pages import CourseIndexPage, CoursePage, CoursePrerequisite, LessonBodyBlock, LessonPage, LessonRelatedPage
from .records import (
    CourseCompletion,
    CreditEntry,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    Viewing,
    new_viewing_token,
)
from .snippets import Choice, Instructor, Question, QuestionBank, Quiz
from .training import RosterImport, TrainingClass, TrainingClassCourse, TrainingClassMember

__all__ = [
    "Choice",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "CoursePrerequisite",
    "CreditEntry",
    "CreditType",
    "Enrolment",
    "Instructor",
    "LessonBodyBlock",
    "LessonKind",
    "LessonPage",
    "LessonProgress",
    "LessonRelatedPage",
    "ProgressStatus",
    "Question",
    "QuestionBank",
    "Quiz",
    "QuizAttempt",
    "RosterImport",
    "Topic",
    "TrainingClass",
    "TrainingClassCourse",
    "TrainingClassMember",
    "Viewing",
    "new_viewing_token",
]
