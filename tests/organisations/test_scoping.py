"""scoping: who sees which units and cadres — the one answer every screen relies on."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from college.organisations import scoping
from college.organisations.models import Unit

from .factories import UnitAdministratorFactory

pytestmark = pytest.mark.django_db


def codes(units):
    return sorted(unit.code for unit in units)


def names(cadres):
    return sorted(cadre.real_name for cadre in cadres)


def test_a_unit_administrator_sees_their_unit_and_everything_below_it(tree):
    assert codes(scoping.units_visible_to(tree.fq_admin)) == ["FQ", "FQ-PCS", "FQ-SFS"]
    assert names(scoping.cadres_visible_to(tree.fq_admin)) == ["张枫丙", "李枫乙", "王枫甲", "赵枫丁"]
    assert codes(scoping.units_visible_to(tree.station_admin)) == ["FQ-PCS"]
    assert names(scoping.cadres_visible_to(tree.station_admin)) == ["李枫乙", "王枫甲"]


def test_a_sibling_units_cadres_are_not_visible(tree):
    visible = names(scoping.cadres_visible_to(tree.fq_admin))
    assert "钱店戊" not in visible and "孙店己" not in visible
    assert names(scoping.cadres_visible_to(tree.dk_admin)) == ["孙店己", "钱店戊"]
    assert not scoping.can_administer(tree.fq_admin, tree.dk)
    assert not scoping.can_administer(tree.fq_admin, tree.dk_pcs)
    assert not scoping.can_administer(tree.fq_admin, tree.zjs)  # the unit above is not theirs either
    assert scoping.can_administer(tree.fq_admin, tree.fq_sfs)


def test_several_grants_add_up_and_nested_grants_do_not_repeat(tree):
    UnitAdministratorFactory(user=tree.station_admin, unit=tree.dk_pcs)
    UnitAdministratorFactory(user=tree.fq_admin, unit=tree.fq_pcs)  # already covered by FQ
    assert codes(scoping.units_visible_to(tree.station_admin)) == ["DK-PCS", "FQ-PCS"]
    assert names(scoping.cadres_visible_to(tree.station_admin)) == ["孙店己", "李枫乙", "王枫甲"]
    assert codes(scoping.top_units_visible_to(tree.fq_admin)) == ["FQ"]
    assert scoping.cadres_visible_to(tree.fq_admin).count() == 4


def test_college_staff_see_everything_and_others_nothing(tree):
    assert scoping.units_visible_to(tree.staff).count() == Unit.objects.count()
    assert scoping.cadres_visible_to(tree.staff).count() == 6
    assert scoping.can_administer(tree.staff, tree.dk)
    for nobody in (tree.learner, AnonymousUser()):
        assert not scoping.units_visible_to(nobody).exists()
        assert not scoping.cadres_visible_to(nobody).exists()
        assert not scoping.can_administer(nobody, tree.fq)
        assert not scoping.may_use_back_office(nobody)


def test_a_deactivated_account_loses_its_scope(tree):
    tree.fq_admin.is_active = False
    tree.fq_admin.save()
    assert not scoping.units_visible_to(tree.fq_admin).exists()
    assert not scoping.can_administer(tree.fq_admin, tree.fq)


def test_deactivated_cadres_are_not_listed(tree):
    tree.li.is_active = False
    tree.li.save()
    assert names(scoping.cadres_visible_to(tree.station_admin)) == ["王枫甲"]


def test_administrators_are_managed_only_strictly_below_ones_own_unit(tree):
    assert scoping.can_manage_administrators_of(tree.fq_admin, tree.fq_pcs)
    assert not scoping.can_manage_administrators_of(tree.fq_admin, tree.fq)
    assert not scoping.can_manage_administrators_of(tree.fq_admin, tree.dk_pcs)
    assert codes(scoping.units_manageable_by(tree.fq_admin)) == ["FQ-PCS", "FQ-SFS"]
    assert codes(scoping.units_manageable_by(tree.station_admin)) == []
    assert scoping.can_manage_administrators_of(tree.staff, tree.zj)


def test_visible_unit_and_cadre_lookups_answer_404_outside_the_scope(tree):
    assert scoping.visible_unit_or_404(tree.fq_admin, "fq-pcs") == tree.fq_pcs  # codes are case-insensitive
    with pytest.raises(Http404):
        scoping.visible_unit_or_404(tree.fq_admin, "DK")
    assert scoping.visible_cadre_or_404(tree.fq_admin, tree.wang.pk) == tree.wang
    for pk in (tree.qian.pk, "not-a-number", None):
        with pytest.raises(Http404):
            scoping.visible_cadre_or_404(tree.fq_admin, pk)


def test_the_nearest_administrators_of_a_unit_are_found_upwards(tree):
    assert list(scoping.nearest_administrators(tree.fq_pcs)) == [tree.station_admin]
    assert list(scoping.nearest_administrators(tree.fq_sfs)) == [tree.fq_admin]
    assert not scoping.nearest_administrators(tree.kq).exists()
    assert sorted(u.real_name for u in scoping.administrators_of(tree.fq_pcs)) == ["楼所管", "陈镇管"]


def test_a_token_reads_its_unit_and_the_units_below(tree):
    from college.organisations import services

    token, _raw = services.issue_api_token(tree.fq, tree.fq_admin)
    assert scoping.token_may_read(token, tree.fq_pcs)
    assert not scoping.token_may_read(token, tree.dk)
    assert not scoping.token_may_read(token, tree.zjs)
