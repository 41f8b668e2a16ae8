"""Free-text work units: matched to units by exact name or alias, the rest mapped by staff."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from college.accounts.models import User
from college.organisations import services
from college.organisations.models import Unit

from .factories import CadreFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def typed(tree):
    """Cadres who typed their unit instead of choosing it."""
    return {
        "exact": CadreFactory(unit=None, work_unit="枫桥镇司法所"),
        "alias": CadreFactory(unit=None, work_unit="诸暨市枫桥派出所"),
        "spaced": CadreFactory(unit=None, work_unit=" 枫桥 派出所 "),
        "unknown": CadreFactory(unit=None, work_unit="柯桥区综治中心"),
        "unknown2": CadreFactory(unit=None, work_unit="柯桥区综治中心"),
        "blank": CadreFactory(unit=None, work_unit=""),
    }


def unit_of(user):
    return User.objects.get(pk=user.pk).unit


def test_exact_names_and_aliases_are_matched_and_the_rest_is_kept(tree, typed):
    result = services.match_work_units()
    assert unit_of(typed["exact"]) == tree.fq_sfs
    assert unit_of(typed["alias"]) == tree.fq_pcs
    assert unit_of(typed["spaced"]) == tree.fq_pcs  # white space does not matter
    assert unit_of(typed["unknown"]) is None and unit_of(typed["blank"]) is None
    assert result.cadres_matched == 3
    assert result.unmatched == {"柯桥区综治中心": 2}
    assert services.unmatched_work_units() == [{"work_unit": "柯桥区综治中心", "cadres": 2}]
    # The free text itself is kept as typed.
    assert User.objects.get(pk=typed["alias"].pk).work_unit == "诸暨市枫桥派出所"


def test_a_name_two_units_share_is_left_for_staff(tree, typed):
    UnitFactory(code="OTHER", name="其他派出所", aliases="枫桥镇司法所", parent=Unit.objects.get(pk=tree.kq.pk))
    result = services.match_work_units()
    assert result.ambiguous == {"枫桥镇司法所": ["FQ-SFS", "OTHER"]}
    assert unit_of(typed["exact"]) is None


def test_inactive_units_are_not_matched(tree, typed):
    Unit.objects.filter(pk=tree.fq_sfs.pk).update(active=False)
    services.match_work_units()
    assert unit_of(typed["exact"]) is None


def test_a_dry_run_changes_nothing(tree, typed):
    result = services.match_work_units(dry_run=True)
    assert result.cadres_matched == 3
    assert unit_of(typed["exact"]) is None


def test_the_management_command_reports_what_it_linked(tree, typed):
    out = StringIO()
    call_command("match_work_units", stdout=out)
    text = out.getvalue()
    assert "诸暨市枫桥派出所 → FQ-PCS" in text
    assert "unmatched     2  柯桥区综治中心" in text
    assert "3 cadres linked" in text
    assert unit_of(typed["alias"]) == tree.fq_pcs


def test_the_service_runs_on_the_historical_models_of_a_migration(tree, typed):
    state = MigrationExecutor(connection).loader.project_state()
    historical_user = state.apps.get_model("accounts", "User")
    historical_unit = state.apps.get_model("organisations", "Unit")
    result = services.match_work_units(user_model=historical_user, unit_model=historical_unit)
    assert result.cadres_matched == 3
    assert unit_of(typed["exact"]) == tree.fq_sfs


def test_mapping_a_name_sets_the_unit_of_every_cadre_with_it_and_remembers_it(tree, typed):
    count = services.map_work_unit("柯桥区综治中心", tree.kq)
    assert count == 2
    assert unit_of(typed["unknown"]) == tree.kq and unit_of(typed["unknown2"]) == tree.kq
    assert "柯桥区综治中心" in Unit.objects.get(pk=tree.kq.pk).alias_list()
    later = CadreFactory(unit=None, work_unit="柯桥区综治中心")
    services.match_work_units()
    assert unit_of(later) == tree.kq


def test_mapping_to_an_inactive_unit_is_refused(tree, typed):
    Unit.objects.filter(pk=tree.kq.pk).update(active=False)
    with pytest.raises(services.OrganisationError):
        services.map_work_unit("柯桥区综治中心", Unit.objects.get(pk=tree.kq.pk))
    assert unit_of(typed["unknown"]) is None
