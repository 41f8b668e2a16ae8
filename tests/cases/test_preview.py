"""Reviewers and editors preview draft cases (issue #16.2): the related cases of an unsaved
revision are computed from its in-memory keywords, never a 500."""

import datetime

import pytest
from wagtail.models import WorkflowState

from tests.accounts.factories import UserFactory

from .factories import CasePageFactory
from .test_workflow import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(roles=["Editors"])
    client.force_login(user)
    return user


def _neighbour(library):
    return CasePageFactory(parent=library, title="邻里漏水调解", keywords=["漏水"])


def test_reviewer_previews_a_submitted_case_through_the_workflow(library, client, editor):
    other = _neighbour(library)
    case = CasePageFactory(parent=library, publish=False)
    response = client.post(f"/admin/pages/{case.pk}/edit/", edit_data(case, **{"action-submit": "submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(case.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(UserFactory(roles=["Reviewers"]))
    response = client.get(f"/admin/pages/workflow/preview/{case.pk}/{state.current_task_state.task_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "楼上漏水" in html
    assert other.title in html  # shares the keyword 漏水 with the submitted revision


def test_editor_previews_a_draft_with_new_keywords(library, client, editor):
    other = _neighbour(library)
    case = CasePageFactory(parent=library, publish=False)
    # Keywords typed in the form and never saved (新词) have no id yet; 漏水 exists.
    data = edit_data(case, keywords="漏水,新词")
    response = client.post(f"/admin/pages/{case.pk}/edit/preview/", data)
    assert response.status_code == 200 and response.json()["is_valid"]
    response = client.get(f"/admin/pages/{case.pk}/edit/preview/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "楼上漏水" in html and other.title in html


def test_editor_previews_a_case_not_yet_created(library, client, editor):
    _neighbour(library)
    url = f"/admin/pages/add/cases/casepage/{library.pk}/preview/"
    from cases.models import CasePage

    draft = CasePage(title="尚未保存的案例", slug="unsaved", date_released=datetime.date(2026, 2, 1))
    response = client.post(url, edit_data(draft))
    assert response.status_code == 200 and response.json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "尚未保存的案例" in response.content.decode()
