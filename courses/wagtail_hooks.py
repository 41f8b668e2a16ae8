"""The staff back office for courses in the Wagtail admin.

Course library snippets (instructors, question banks, questions, quizzes, training classes) are
edited with SnippetViewSets; learner records (enrolments, progress, attempts, completions, ledger)
are read-only ModelViewSets with filters and CSV/XLSX export, because they change only through
the rules in ``services.py``. Offline credit hours, roster imports, class progress, reminders and
annual reports are custom admin views (``admin_views.py``).
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from college.core.staff import StaffMenuItem

from . import admin_urls
from .models import (
    CourseCompletion,
    CreditEntry,
    Enrolment,
    Instructor,
    LessonProgress,
    Question,
    QuestionBank,
    Quiz,
    QuizAttempt,
    TrainingClass,
)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """View and export only: these records change through the services' rules, never by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        if action == "view":
            return ModelPermissionPolicy.user_has_permission(
                self, user, "view"
            ) or ModelPermissionPolicy.user_has_permission(self, user, "change")
        return ModelPermissionPolicy.user_has_permission(self, user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    menu_label = _("Instructors")
    list_display = ["name", "title"]
    search_fields = ["name", "title"]


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Question banks")
    list_display = ["name"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "kind", "bank"]
    list_filter = ["bank", "kind"]
    search_fields = ["text"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = [
        "title",
        "bank",
        "question_count",
        "pass_mark",
        "max_attempts",
        "time_limit_minutes",
        "score_policy",
    ]


class TrainingClassViewSet(SnippetViewSet):
    model = TrainingClass
    icon = "group"
    menu_label = _("Training classes")
    list_display = ["name", "code", "start_date", "end_date"]
    search_fields = ["name", "code"]
    list_filter = ["start_date"]


class CourseLibraryGroup(ViewSetGroup):
    menu_label = _("Course library")
    menu_icon = "book"
    menu_order = 250
    items = (InstructorViewSet, QuestionBankViewSet, QuestionViewSet, QuizViewSet, TrainingClassViewSet)


# The records are not in a Wagtail search index, so the listing's search box filters with Django
# lookups (field__icontains): related fields are spelt with "__", unlike list_export's "user.email".
LEARNER_SEARCH_FIELDS = ["user__real_name", "user__email"]


class RecordViewSet(ModelViewSet):
    """Read-only list with filters and export."""

    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []


class EnrolmentViewSet(RecordViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    list_display = ["user", "course", "source", "enrolled_at", "withdrawn_at", "completed_at"]
    list_filter = ["source", "course", "enrolled_at"]
    list_export = [
        "user",
        "user.email",
        "user.work_unit",
        "course",
        "source",
        "enrolled_at",
        "withdrawn_at",
        "completed_at",
    ]
    search_fields = LEARNER_SEARCH_FIELDS
    export_filename = "enrolments"


class LessonProgressViewSet(RecordViewSet):
    model = LessonProgress
    icon = "time"
    menu_label = _("Lesson progress")
    list_display = ["user", "lesson", "status", "study_seconds", "covered_seconds", "completed_at"]
    list_filter = ["status", "course"]
    list_export = [
        "user",
        "user.email",
        "course",
        "lesson",
        "status",
        "study_seconds",
        "covered_seconds",
        "completed_at",
    ]
    search_fields = LEARNER_SEARCH_FIELDS
    export_filename = "lesson-progress"


class QuizAttemptViewSet(RecordViewSet):
    model = QuizAttempt
    icon = "tasks"
    menu_label = _("Quiz attempts")
    list_display = ["user", "quiz", "number", "status", "score", "passed", "submitted_at"]
    list_filter = ["quiz", "status", "passed"]
    list_export = [
        "user",
        "user.email",
        "quiz",
        "course",
        "number",
        "status",
        "score",
        "passed",
        "started_at",
        "submitted_at",
    ]
    search_fields = LEARNER_SEARCH_FIELDS
    export_filename = "quiz-attempts"


class CourseCompletionViewSet(RecordViewSet):
    model = CourseCompletion
    icon = "success"
    menu_label = _("Course completions")
    list_display = ["user", "course", "completed_at", "credit_hours", "credit_type", "language"]
    list_filter = ["course", "credit_type", "completed_at"]
    list_export = [
        "user",
        "user.email",
        "user.work_unit",
        "course",
        "completed_at",
        "credit_hours",
        "credit_type",
        "quiz_score",
        "language",
    ]
    search_fields = LEARNER_SEARCH_FIELDS
    export_filename = "course-completions"


class CreditEntryViewSet(RecordViewSet):
    model = CreditEntry
    icon = "date"
    menu_label = _("Credit-hour ledger")
    list_display = ["user", "year", "title", "source", "credit_type", "hours", "earned_on", "created_by"]
    list_filter = ["year", "source", "credit_type"]
    list_export = [
        "user",
        "user.email",
        "user.work_unit",
        "year",
        "earned_on",
        "title",
        "source",
        "credit_type",
        "hours",
        "reason",
        "created_by",
    ]
    search_fields = [*LEARNER_SEARCH_FIELDS, "title"]
    export_filename = "credit-hours"


class LearningRecordsGroup(ViewSetGroup):
    menu_label = _("Learning records")
    menu_icon = "list-ul"
    menu_order = 260
    items = (EnrolmentViewSet, LessonProgressViewSet, QuizAttemptViewSet, CourseCompletionViewSet, CreditEntryViewSet)


register_snippet(CourseLibraryGroup)
for _record_model in (Enrolment, LessonProgress, QuizAttempt, CourseCompletion, CreditEntry):
    register_permission_policy(_record_model, ReadOnlyPolicy(_record_model))


@hooks.register("register_admin_viewset")
def register_learning_records():
    return LearningRecordsGroup()


@hooks.register("register_admin_urls")
def register_courses_admin_urls():
    return [path("courses-office/", include((admin_urls.urlpatterns, "courses_admin"), namespace="courses_admin"))]


@hooks.register("register_admin_menu_item")
def register_class_office_menu():
    return StaffMenuItem(
        _("Class office"), "courses_admin:classes", "courses.view_trainingclass", icon_name="group", order=270
    )


@hooks.register("register_admin_menu_item")
def register_credit_reports_menu():
    return StaffMenuItem(
        _("Credit-hour reports"),
        "courses_admin:credit_reports",
        "courses.view_creditentry",
        icon_name="doc-full",
        order=271,
    )
