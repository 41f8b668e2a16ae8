"""The demo: Shaoxing's unit tree, a unit administrator per level, cadres with varied hours."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from college.accounts import demo as accounts_demo
from college.organisations import demo, reports, scoping, services
from college.organisations.models import Unit, UnitAdministrator
from courses.models import CreditEntry

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

TODAY = datetime.date(2026, 11, 2)
README = Path(__file__).resolve().parents[2] / "README.md"


def snapshot():
    return (
        Unit.objects.count(),
        UnitAdministrator.objects.count(),
        get_user_model().objects.count(),
        CreditEntry.objects.count(),
        sorted(CreditEntry.objects.values_list("hours", flat=True)),
    )


def test_the_demo_builds_shaoxings_tree_with_administrators_and_cadres_once():
    accounts_demo.seed()
    demo.seed(today=TODAY)
    assert Unit.objects.count() >= 40
    assert Unit.objects.filter(depth__gte=4).count() >= 20 and max(Unit.objects.values_list("depth", flat=True)) >= 4
    assert Unit.find_problems() == ([], [], [], [], [])
    names = set(Unit.objects.values_list("name", flat=True))
    for name in ("绍兴市", "越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县", "枫桥镇"):
        assert name in names
    for name in ("诸暨市公安局枫桥派出所", "枫桥镇司法所", "诸暨市人民法院枫桥人民法庭"):
        assert Unit.objects.get(name=name).get_parent().name == "枫桥镇"

    depths = sorted(grant.unit.depth for grant in UnitAdministrator.objects.select_related("unit"))
    assert depths == [1, 2, 3, 4, 5]  # one administrator per level
    city_admin = get_user_model().objects.get(email="unitadmin-city@demo.fengqiao.local")
    assert city_admin.check_password(accounts_demo.DEMO_PASSWORD)
    town_admin = get_user_model().objects.get(email="unitadmin-town@demo.fengqiao.local")
    assert {u.code for u in scoping.units_visible_to(town_admin)} >= {"330681-FQ", "330681-FQ-PCS"}
    assert "330681-DK" not in {u.code for u in scoping.units_visible_to(town_admin)}

    cadres = list(reports.with_year_hours(get_user_model().objects.filter(email__startswith="cadre-3"), TODAY.year))
    assert len(cadres) >= 100
    assert len({c.unit_id for c in cadres}) >= 20
    met = [c for c in cadres if c.met]
    idle = [c for c in cadres if c.total == 0]
    assert len(met) >= 10 and len(idle) >= 3 and len(cadres) - len(met) - len(idle) >= 30
    assert not CreditEntry.objects.filter(earned_on__gt=TODAY).exists()
    # The other demos' accounts were linked by their typed work unit, and some names remain to map.
    assert get_user_model().objects.get(email="learner@demo.fengqiao.local").unit.code == "330681-FQ-PCS"
    assert len(services.unmatched_work_units()) >= 3

    before = snapshot()
    demo.seed(today=TODAY)
    demo.seed(today=TODAY + datetime.timedelta(days=20))  # later in the year: the same ledger
    assert snapshot() == before


def test_the_readme_lists_every_demo_unit_administrator():
    readme = README.read_text(encoding="utf-8")
    for email, unit in demo.login_table():
        assert email in readme and unit in readme
