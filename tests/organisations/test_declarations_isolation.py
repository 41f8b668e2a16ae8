"""The declaration queue, its export, a declaration's page and its evidence, as the administrator
of 枫桥镇: nothing of the sibling town 店口镇 appears, and the sibling's declaration answers 404."""

import pytest
import time_machine

from college.organisations import declarations
from college.organisations.models import DeclarationStatus

from .declaration_helpers import NOW, fields, pdf_file
from .test_isolation import assert_nothing_of_the_sibling

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(tree, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path), "base_url": None}},
    }
    with time_machine.travel(NOW, tick=False):
        own = declarations.declare(tree.li, evidence=pdf_file(), **fields(title="枫桥派出所调解培训"))
        sibling = declarations.declare(tree.qian, evidence=pdf_file(), **fields(title="店口镇讲座"))
        yield own, sibling


def test_the_declaration_screens_hide_the_sibling_unit(client, tree, filed):
    own, sibling = filed
    client.force_login(tree.fq_admin)
    for where, url in {
        "queue": "/admin/organisations/declarations/",
        "queue sibling filter": "/admin/organisations/declarations/?unit=DK",
        "queue search": "/admin/organisations/declarations/?q=qian",
        "csv": "/admin/organisations/declarations/export.csv",
        "xlsx": "/admin/organisations/declarations/export.xlsx",
        "own declaration": f"/admin/organisations/declarations/{own.pk}/",
    }.items():
        response = client.get(url)
        if response.status_code == 400:  # the sibling's unit is not a choice: a field error, no rows
            response.status_code = 200
        content = assert_nothing_of_the_sibling(response, where)
        assert "店口镇讲座" not in content
    assert client.get(f"/admin/organisations/declarations/{sibling.pk}/").status_code == 404
    assert client.post(f"/admin/organisations/declarations/{sibling.pk}/", {"decision": "approve"}).status_code == 404
    assert client.get(f"/learning/declarations/{sibling.pk}/evidence/").status_code == 404
    assert client.get(f"/learning/declarations/{own.pk}/evidence/").status_code == 200
    sibling.refresh_from_db()
    assert sibling.status == DeclarationStatus.SUBMITTED


def test_the_administrator_approves_on_the_screen_with_a_chinese_field_error_first(client, tree, filed):
    own, _sibling = filed
    client.force_login(tree.fq_admin)
    response = client.post(f"/admin/organisations/declarations/{own.pk}/", {"decision": "reject", "comment": ""})
    assert response.status_code == 400 and "请说明退回的原因" in response.content.decode()
    response = client.post(f"/admin/organisations/declarations/{own.pk}/", {"decision": "approve", "comment": "同意"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == DeclarationStatus.APPROVED and own.credit_entry is not None


def test_the_learner_page_refuses_a_zip_named_pdf_in_chinese(client, tree, filed):
    from .declaration_helpers import zip_as_pdf

    client.force_login(tree.zhang)
    data = {k: str(v) for k, v in fields().items()}
    with time_machine.travel(NOW, tick=False):
        response = client.post("/learning/declarations/", {**data, "evidence": zip_as_pdf()})
        assert response.status_code == 400 and "请上传 PDF、PNG 或 JPEG 文件" in response.content.decode()
        assert not tree.zhang.hours_declarations.exists()
        response = client.post("/learning/declarations/", {**data, "evidence": pdf_file()})
    assert response.status_code == 302 and tree.zhang.hours_declarations.count() == 1
    assert client.get(f"/learning/declarations/{filed[0].pk}/evidence/").status_code == 404  # another cadre's file
