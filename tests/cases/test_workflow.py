"""Editors write and submit cases; only reviewers publish them (Wagtail moderation)."""

import datetime

import pytest
from wagtail.models import PageLogEntry, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.models import CasePage
from cases.services import WORKFLOW_NAME
from tests.accounts.factories import UserFactory

from .factories import DEIDENTIFIED, CasePageFactory

pytestmark = pytest.mark.django_db


def edit_data(case, **changes):
    data = {
        "title": case.title,
        "slug": case.slug,
        "subtitle": case.subtitle,
        "keywords": "邻里,漏水",
        "field": case.field,
        "level": case.level,
        "region": "",
        "dispute_type": "",
        "case_date": "",
        "date_released": case.date_released.isoformat(),
        "release": "",
        "release_order": "0",
        "key_points": rich_text("<p>要旨</p>"),
        "facts": rich_text("<p>楼上漏水，邻里起争执。</p>"),
        "handling": rich_text(""),
        "result": rich_text(""),
        "significance": rich_text(""),
        "laws": streamfield([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        **{name: "on" for name, value in DEIDENTIFIED.items()},
    }
    data.update(changes)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


@pytest.fixture
def editor(client):
    user = UserFactory(roles=["Editors"])
    client.force_login(user)
    return user


def test_case_library_gets_the_review_workflow(library):
    assignment = WorkflowPage.objects.get(page=library)
    assert assignment.workflow.name == WORKFLOW_NAME
    task = assignment.workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["Reviewers"]


def test_editor_cannot_publish_directly(library, client, editor):
    case = CasePageFactory(parent=library, publish=False)
    response = client.post(f"/admin/pages/{case.pk}/edit/", edit_data(case, **{"action-publish": "publish"}))
    assert response.status_code in (200, 302, 403)
    case.refresh_from_db()
    assert not case.live
    assert not PageLogEntry.objects.filter(page=case, action="wagtail.publish").exists()


def test_submission_needs_the_deidentification_checklist(library, client, editor):
    case = CasePageFactory(parent=library, publish=False, deid_names_removed=False)
    data = edit_data(case, deid_names_removed=None, **{"action-submit": "submit"})
    response = client.post(f"/admin/pages/{case.pk}/edit/", data)
    assert response.status_code == 200
    assert (
        "Tick this item before the case goes to review." in response.content.decode()
        or "勾选" in response.content.decode()
    )
    assert not WorkflowState.objects.filter(base_content_type__model="page", object_id=str(case.pk)).exists()


def test_editor_submits_and_reviewer_approves_with_audit_trail(library, client, editor):
    case = CasePageFactory(parent=library, publish=False)
    response = client.post(f"/admin/pages/{case.pk}/edit/", edit_data(case, **{"action-submit": "submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(case.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    case.refresh_from_db()
    assert not case.live and case.keywords.count() == 2

    reviewer = UserFactory(roles=["Reviewers"])
    client.force_login(reviewer)
    task_state = state.current_task_state
    response = client.post(f"/admin/pages/workflow/action/{case.pk}/approve/{task_state.pk}/", {"comment": "可以发布"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.live
    actions = list(PageLogEntry.objects.filter(page=case).values_list("action", flat=True))
    assert "wagtail.workflow.start" in actions
    assert "wagtail.workflow.approve" in actions
    assert "wagtail.publish" in actions


def test_reviewer_rejects_with_a_comment(library, client, editor):
    case = CasePageFactory(parent=library, publish=False)
    client.post(f"/admin/pages/{case.pk}/edit/", edit_data(case, **{"action-submit": "submit"}))
    state = WorkflowState.objects.get(object_id=str(case.pk))
    client.force_login(UserFactory(roles=["Reviewers"]))
    client.post(
        f"/admin/pages/workflow/action/{case.pk}/reject/{state.current_task_state.pk}/", {"comment": "请删除当事人姓名"}
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "请删除当事人姓名"
    assert not CasePage.objects.get(pk=case.pk).live


def test_more_than_seven_keywords_is_refused(library, client, editor):
    case = CasePageFactory(parent=library, publish=False)
    data = edit_data(case, keywords=",".join(f"词{i}" for i in range(8)))
    response = client.post(f"/admin/pages/{case.pk}/edit/", data)
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.keywords.count() == 0


def test_scheduled_publishing_waits_for_go_live(library):
    import datetime

    from django.utils import timezone

    case = CasePageFactory(parent=library, publish=False)
    case.go_live_at = timezone.now() + datetime.timedelta(days=1)
    case.save_revision().publish()
    case.refresh_from_db()
    assert not case.live
    assert case.has_unpublished_changes


def test_editor_creates_a_case_in_the_admin_and_submits_it(library, client, editor):
    add_url = f"/admin/pages/add/cases/casepage/{library.pk}/"
    assert client.get(add_url).status_code == 200
    draft = CasePage(title="新案例", slug="new-case", date_released=datetime.date(2026, 2, 1))
    data = edit_data(draft, **{"action-submit": "submit"})
    response = client.post(add_url, data)
    assert response.status_code == 302
    case = CasePage.objects.get(slug="new-case")
    assert case.case_number.startswith("FQAL-") and not case.live
    assert WorkflowState.objects.filter(object_id=str(case.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert client.get(f"/admin/pages/{case.pk}/edit/").status_code == 200


def test_admin_screens_for_lists_and_import_render(library, client, editor):
    assert client.get("/admin/cases/import/").status_code == 200
    template = client.get("/admin/cases/import/template.csv")
    assert template.status_code == 200 and "title,subtitle,keywords" in template.content.decode("utf-8-sig")
    assert client.get("/admin/snippets/cases/region/").status_code == 200
    assert client.get("/admin/snippets/cases/disputetype/").status_code == 200


def test_case_listing_in_the_admin_filters_by_facet(library, client, editor):
    CasePageFactory(parent=library, title="派出所案例", field="police_station")
    CasePageFactory(parent=library, title="学校案例", field="school")
    response = client.get("/admin/case_pages/", {"field": "school"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "学校案例" in html and "派出所案例" not in html
