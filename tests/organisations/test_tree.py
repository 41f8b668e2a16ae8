"""The unit tree: adding, moving, deactivating and deleting units, and finding them by name."""

import pytest

from college.organisations import services
from college.organisations.models import Unit

from .factories import CadreFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_units_form_a_tree_queried_by_path_prefix(tree):
    assert [u.code for u in tree.fq.get_ancestors()] == ["ZJ", "SX", "ZJS"]
    assert sorted(u.code for u in Unit.objects.filter(path__startswith=tree.zjs.path)) == [
        "DK",
        "DK-PCS",
        "FQ",
        "FQ-PCS",
        "FQ-SFS",
        "ZJS",
    ]
    assert tree.fq_pcs.depth == 5
    assert tree.fq_pcs.is_within(tree.sx) and not tree.fq_pcs.is_within(tree.dk)
    assert tree.fq_pcs.ancestor_paths() == [tree.zj.path, tree.sx.path, tree.zjs.path, tree.fq.path]


def test_siblings_are_kept_in_code_order():
    province = UnitFactory(code="P")
    for code in ("C3", "C1", "C2"):
        UnitFactory(code=code, parent=Unit.objects.get(pk=province.pk))
    assert [u.code for u in Unit.objects.get(pk=province.pk).get_children()] == ["C1", "C2", "C3"]


def test_codes_are_stored_in_upper_case_and_unique(tree):
    unit = services.create_unit(tree.fq, code=" fq-cun ", name="枫源村")
    assert unit.code == "FQ-CUN"
    with pytest.raises(services.OrganisationError) as error:
        services.create_unit(tree.dk, code="fq-cun", name="另一个村")
    assert error.value.field == "code"


def test_moving_a_unit_moves_its_subtree_and_its_cadres_come_along(tree):
    fq = Unit.objects.get(pk=tree.fq.pk)
    fq.name = "枫桥镇（新）"
    moved = services.update_unit(fq, Unit.objects.get(pk=tree.kq.pk))
    assert moved.get_parent() == tree.kq
    station = Unit.objects.get(pk=tree.fq_pcs.pk)
    assert station.path.startswith(moved.path) and station.depth == 5
    assert Unit.objects.get(pk=tree.zjs.pk).numchild == 1
    assert set(Unit.objects.filter(path__startswith=moved.path).values_list("code", flat=True)) == {
        "FQ",
        "FQ-PCS",
        "FQ-SFS",
    }
    assert tree.wang.__class__.objects.get(pk=tree.wang.pk).unit.path.startswith(moved.path)
    assert Unit.find_problems() == ([], [], [], [], [])


def test_a_unit_cannot_move_below_itself(tree):
    fq = Unit.objects.get(pk=tree.fq.pk)
    with pytest.raises(services.OrganisationError) as error:
        services.update_unit(fq, Unit.objects.get(pk=tree.fq_pcs.pk))
    assert error.value.field == "parent"


def test_deactivating_a_unit_deactivates_its_subtree_and_it_leaves_the_picker(tree):
    fq = Unit.objects.get(pk=tree.fq.pk)
    fq.active = False
    services.update_unit(fq, Unit.objects.get(pk=tree.zjs.pk))
    assert not Unit.objects.filter(path__startswith=tree.fq.path, active=True).exists()
    assert Unit.objects.get(pk=tree.dk.pk).active
    assert [u.code for u in services.search_units("枫桥")] == []
    # Nothing can be activated or added below an inactive unit.
    station = Unit.objects.get(pk=tree.fq_pcs.pk)
    station.active = True
    with pytest.raises(services.OrganisationError):
        services.update_unit(station, Unit.objects.get(pk=tree.fq.pk))
    with pytest.raises(services.OrganisationError):
        services.create_unit(Unit.objects.get(pk=tree.fq.pk), code="NEW", name="新单位")


def test_a_unit_with_cadres_is_never_deleted(tree):
    with pytest.raises(services.OrganisationError) as error:
        services.delete_unit(tree.fq)
    assert "4" in error.value.message  # the cadres of the whole subtree are counted
    assert Unit.objects.filter(pk=tree.fq.pk).exists()
    with pytest.raises(services.OrganisationError):
        services.delete_unit(tree.dk)  # has cadres and an administrator


def test_an_unused_unit_is_deleted_with_its_unused_sub_units():
    top = UnitFactory(code="T")
    child = UnitFactory(code="T1", parent=Unit.objects.get(pk=top.pk))
    UnitFactory(code="T11", parent=Unit.objects.get(pk=child.pk))
    services.delete_unit(Unit.objects.get(pk=child.pk))
    assert list(Unit.objects.values_list("code", flat=True)) == ["T"]
    assert Unit.objects.get(code="T").numchild == 0


def test_search_finds_chinese_substrings_best_first_and_only_active_units(tree):
    found = services.search_units("派出所")
    assert [u.code for u in found] == ["DK-PCS", "FQ-PCS"]
    assert found[1].parent_names == ["浙江省", "绍兴市", "诸暨市", "枫桥镇"]
    assert found[1].parent_names_en == ["Zhejiang Province", "Shaoxing", "Zhuji", "Fengqiao Town"]
    assert [u.code for u in services.search_units("枫桥镇")][0] == "FQ"  # the exact name first
    assert [u.code for u in services.search_units("police")] == ["DK-PCS", "FQ-PCS"]
    assert [u.code for u in services.search_units("诸暨市枫桥派出所")] == ["FQ-PCS"]  # an alias
    assert services.search_units("   ") == []
    for number in range(30):
        UnitFactory(code=f"V{number:02d}", name=f"枫桥测试村{number}", parent=Unit.objects.get(pk=tree.fq.pk))
    assert len(services.search_units("测试村")) == services.SEARCH_LIMIT


def test_cadres_keep_their_unit_protected_in_the_database(tree):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Unit.objects.filter(pk=tree.fq_sfs.pk).delete()
    CadreFactory(unit=None, work_unit="别的单位")  # a cadre without a unit is fine
