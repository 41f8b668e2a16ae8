"""Staff manage the unit tree in the Wagtail admin: listing and search, add, edit, move,
deactivate and delete (never a unit in use), import and mapping typed work units."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from college.accounts.models import User
from college.organisations.models import Unit

from .factories import CadreFactory, UnitFactory

pytestmark = pytest.mark.django_db

UNITS = "/admin/organisation_units/"


@pytest.fixture
def staff_client(client, tree):
    client.force_login(tree.staff)
    return client


def unit_data(**overrides):
    return {
        "name": "枫源村",
        "name_en": "Fengyuan Village",
        "code": "fq-fy",
        "unit_type": "village",
        "parent": "FQ",
        "active": "on",
        "aliases": "诸暨市枫桥镇枫源村",
        **overrides,
    }


def test_the_listing_shows_the_tree_in_order_and_finds_chinese_substrings(staff_client, tree):
    page = staff_client.get(UNITS).content.decode()
    positions = [
        page.index(name) for name in ("浙江省", "绍兴市", "诸暨市", "店口镇", "枫桥镇", "诸暨市公安局枫桥派出所")
    ]
    assert positions == sorted(positions)
    assert "\u3000\u3000\u3000\u3000诸暨市公安局枫桥派出所" in page  # indented by depth
    found = staff_client.get(UNITS, {"q": "桥派出"}).content.decode()
    assert "诸暨市公安局枫桥派出所" in found and "店口派出所" not in found
    by_alias = staff_client.get(UNITS, {"q": "诸暨市枫桥派出所"}).content.decode()
    assert "FQ-PCS" in by_alias


def test_staff_add_a_unit_under_a_parent(staff_client, tree):
    response = staff_client.post(UNITS + "new/", unit_data())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    unit = Unit.objects.get(code="FQ-FY")
    assert unit.get_parent() == tree.fq and unit.depth == 5 and unit.alias_list() == ["诸暨市枫桥镇枫源村"]
    assert Unit.find_problems() == ([], [], [], [], [])


def test_staff_add_a_top_level_unit(staff_client, tree):
    assert staff_client.post(UNITS + "new/", unit_data(code="JS", name="江苏省", parent="")).status_code == 302
    assert Unit.objects.get(code="JS").depth == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"code": ""}, "code"),
        ({"code": "带空格 的编码"}, "code"),
        ({"code": "fq"}, "code"),  # taken by 枫桥镇
        ({"parent": "NOPE"}, "parent"),
        ({"unit_type": "bank"}, "unit_type"),
        ({"name": "长" * 101}, "name"),
    ],
)
def test_bad_input_on_the_unit_form_is_a_field_error_and_stores_nothing(staff_client, tree, overrides, field):
    before = Unit.objects.count()
    response = staff_client.post(UNITS + "new/", unit_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert Unit.objects.count() == before


def test_editing_the_parent_moves_the_unit_with_its_sub_units(staff_client, tree):
    response = staff_client.post(
        f"{UNITS}edit/{tree.fq.pk}/",
        unit_data(name="枫桥镇", code="FQ", unit_type="government", parent="KQ", aliases=""),
    )
    assert response.status_code == 302
    fq = Unit.objects.get(pk=tree.fq.pk)
    assert fq.get_parent() == tree.kq
    assert Unit.objects.get(pk=tree.fq_pcs.pk).path.startswith(fq.path)


def test_a_unit_cannot_be_moved_below_its_own_sub_unit(staff_client, tree):
    response = staff_client.post(
        f"{UNITS}edit/{tree.fq.pk}/", unit_data(name="枫桥镇", code="FQ", parent="FQ-PCS", aliases="")
    )
    assert response.status_code == 200 and response.context["form"].errors["parent"]
    assert Unit.objects.get(pk=tree.fq.pk).get_parent() == tree.zjs


def test_deactivating_in_the_form_deactivates_the_subtree(staff_client, tree):
    data = unit_data(name="枫桥镇", code="FQ", parent="ZJS", aliases="")
    data.pop("active")
    assert staff_client.post(f"{UNITS}edit/{tree.fq.pk}/", data).status_code == 302
    assert set(Unit.objects.filter(active=False).values_list("code", flat=True)) == {"FQ", "FQ-PCS", "FQ-SFS"}
    # Its cadres keep their unit; the unit only leaves the picker.
    assert User.objects.get(pk=tree.wang.pk).unit_id == tree.fq_pcs.pk


def test_a_unit_with_cadres_is_never_deleted_from_the_admin(staff_client, tree):
    response = staff_client.get(f"{UNITS}delete/{tree.fq_sfs.pk}/")
    assert response.status_code == 302 and response["Location"].endswith(f"edit/{tree.fq_sfs.pk}/")
    response = staff_client.post(f"{UNITS}delete/{tree.fq_sfs.pk}/")
    assert response.status_code == 302
    assert Unit.objects.filter(pk=tree.fq_sfs.pk).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("不能删除" in m for m in messages)


def test_an_unused_unit_is_deleted(staff_client, tree):
    spare = UnitFactory(code="SPARE", parent=Unit.objects.get(pk=tree.kq.pk))
    assert staff_client.get(f"{UNITS}delete/{spare.pk}/").status_code == 200
    assert staff_client.post(f"{UNITS}delete/{spare.pk}/").status_code == 302
    assert not Unit.objects.filter(code="SPARE").exists()
    assert Unit.objects.get(pk=tree.kq.pk).numchild == 0


def test_unit_administrators_cannot_open_the_unit_tree_or_the_staff_screens(client, tree):
    client.force_login(tree.fq_admin)
    for url in (
        UNITS,
        UNITS + "new/",
        f"{UNITS}edit/{tree.fq.pk}/",
        "/admin/organisations/import/",
        "/admin/organisations/unmatched/",
        "/admin/organisations/unmatched/map/?work_unit=x",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/", url
    assert client.post(UNITS + "new/", unit_data()).status_code in (302, 403)
    assert not Unit.objects.filter(code="FQ-FY").exists()


def test_the_import_screen_reports_each_bad_row_and_stores_nothing(staff_client, tree):
    upload = SimpleUploadedFile(
        "units.csv", "编码,名称,类型,上级编码\nA1,甲,court,FQ\nA2,,,FQ\nA3,丙,银行,NONE\n".encode()
    )
    response = staff_client.post("/admin/organisations/import/", {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "缺少单位名称" in page and "银行" in page and "NONE" in page
    assert not Unit.objects.filter(code__in=["A1", "A2", "A3"]).exists()
    good = SimpleUploadedFile("units.csv", "编码,名称,类型,上级编码\nA1,甲,court,FQ\n".encode())
    response = staff_client.post("/admin/organisations/import/", {"file": good})
    assert response.status_code == 200 and Unit.objects.get(code="A1").get_parent() == tree.fq
    bad_file = SimpleUploadedFile("units.pdf", b"%PDF-1.4")
    response = staff_client.post("/admin/organisations/import/", {"file": bad_file})
    assert response.status_code == 400 and response.context["form"].errors["file"]
    assert staff_client.post("/admin/organisations/import/", {}).status_code == 400


def test_staff_map_a_typed_work_unit_to_a_unit(staff_client, tree):
    typed = [CadreFactory(unit=None, work_unit="柯桥区综治中心") for _ in range(2)]
    page = staff_client.get("/admin/organisations/unmatched/").content.decode()
    assert "<td>柯桥区综治中心</td><td>2</td>" in page
    form = staff_client.get("/admin/organisations/unmatched/map/", {"work_unit": "柯桥区综治中心"})
    assert form.status_code == 200 and "unit-picker.js" in form.content.decode()
    response = staff_client.post(
        "/admin/organisations/unmatched/map/", {"work_unit": "柯桥区综治中心", "unit": "KQ", "remember": "on"}
    )
    assert response.status_code == 302
    assert all(User.objects.get(pk=c.pk).unit_id == tree.kq.pk for c in typed)
    assert "<td>柯桥区综治中心</td>" not in staff_client.get("/admin/organisations/unmatched/").content.decode()


def test_mapping_with_bad_input_stores_nothing(staff_client, tree):
    CadreFactory(unit=None, work_unit="柯桥区综治中心")
    response = staff_client.post("/admin/organisations/unmatched/map/", {"work_unit": "柯桥区综治中心", "unit": "NOPE"})
    assert response.status_code == 400 and response.context["form"].errors["unit"]
    response = staff_client.post("/admin/organisations/unmatched/map/", {"work_unit": "没人填过", "unit": "KQ"})
    assert response.status_code == 302  # nothing to map: back to the list with a message
    assert not User.objects.filter(unit=tree.kq).exists()


def test_match_all_links_exact_names(staff_client, tree):
    typed = CadreFactory(unit=None, work_unit="诸暨市枫桥派出所")
    assert staff_client.post("/admin/organisations/unmatched/", {"action": "match"}).status_code == 302
    assert User.objects.get(pk=typed.pk).unit_id == tree.fq_pcs.pk
