"""Business rules of the case library: numbers, the review workflow, submission."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from wagtail.models import Revision, Workflow, WorkflowState

    from college.accounts.models import User

    from .models import CaseLibraryPage, CasePage

CASE_NUMBER_PREFIX = "FQAL"
WORKFLOW_NAME = "Case review"
REVIEW_TASK_NAME = "Reviewers approve the case"


class CaseError(Exception):
    """A case rule was broken; the message is shown to the user."""


class NotDeidentified(CaseError):
    """The de-identification checklist is not complete."""


def format_case_number(year: int, number: int) -> str:
    """The printed case number: FQAL-<year>-<four digits>."""
    return f"{CASE_NUMBER_PREFIX}-{year}-{number:04d}"


def assign_case_number(page: CasePage) -> str:
    """Give ``page`` the next free number of its release year (e.g. FQAL-2026-0001).

    The year's counter row is locked for the rest of the transaction, so two
    editors saving at once never get the same number.  A number once given is
    never changed (``CasePage.clean`` refuses edits after publishing).
    """
    from .models import CaseNumberCounter

    if page.case_number:
        return page.case_number
    year = (page.date_released or timezone.localdate()).year
    with transaction.atomic():
        CaseNumberCounter.objects.bulk_create([CaseNumberCounter(year=year)], ignore_conflicts=True)
        counter = CaseNumberCounter.objects.select_for_update().get(year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    page.case_number = format_case_number(year, counter.last_number)
    return page.case_number


def reserve_case_numbers(year: int, count: int) -> list[str]:
    """Reserve ``count`` consecutive numbers of ``year`` at once (bulk imports, load tests)."""
    from .models import CaseNumberCounter

    with transaction.atomic():
        CaseNumberCounter.objects.bulk_create([CaseNumberCounter(year=year)], ignore_conflicts=True)
        counter = CaseNumberCounter.objects.select_for_update().get(year=year)
        first = counter.last_number + 1
        counter.last_number += count
        counter.save(update_fields=["last_number"])
    return [format_case_number(year, n) for n in range(first, first + count)]


def ensure_case_workflow(library_page: CaseLibraryPage | None = None) -> Workflow:
    """The "Case review" workflow (Reviewers approve) assigned to every case library.

    Runs after migrate and whenever a library page is created, so a fresh
    install has it; safe to run again.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from college.accounts.roles import REVIEWERS

    from .models import CaseLibraryPage

    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    libraries = [library_page] if library_page is not None else list(CaseLibraryPage.objects.all())
    for library in libraries:
        WorkflowPage.objects.update_or_create(page_id=library.pk, defaults={"workflow": workflow})
    return workflow


def check_ready_for_review(page: CasePage) -> None:
    """Raise NotDeidentified unless every de-identification item is ticked."""
    from .models import DEIDENTIFICATION_CHECKLIST, CasePage

    missing = [
        CasePage._meta.get_field(name).verbose_name for name in DEIDENTIFICATION_CHECKLIST if not getattr(page, name)
    ]
    if missing:
        raise NotDeidentified(
            _("Tick the de-identification checklist before review: %(items)s") % {"items": "; ".join(map(str, missing))}
        )


@transaction.atomic
def submit_for_review(page: CasePage, user: User) -> tuple[WorkflowState, Revision]:
    """Save a revision of ``page`` and start its review workflow (the rule the admin form applies too)."""
    check_ready_for_review(page)
    workflow = page.get_workflow()
    if workflow is None:
        raise CaseError(_("No review workflow is assigned to the case library."))
    revision = page.save_revision(user=user)
    return workflow.start(page, user), revision
