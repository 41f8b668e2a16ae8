"""Demo content of the organisations app: Shaoxing's unit tree, a unit administrator per level,
cadres spread over the units with varied hours this year, and a few typed work units to map.

The content is data in ``demo_units.toml``; ``seed()`` is idempotent (units by code, accounts
by email, ledger entries by reference), runs after the other apps' demos (it also links their
demo accounts to units by their typed work unit) and draws every cadre's figures from a
generator seeded with the cadre's email, so two runs in a year give the same ledger.
"""

from __future__ import annotations

import datetime
import random
import tomllib
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from college.core.params import local_today

from . import services
from .models import Unit

DATA_FILE = Path(__file__).with_name("demo_units.toml")
DOMAIN = "demo.fengqiao.local"


def load(path: Path = DATA_FILE) -> dict:
    """The demo data file as a dict."""
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _units(rows) -> dict[str, Unit]:
    units = {}
    for row in rows:  # the file lists parents before their children
        unit = Unit.objects.filter(code=row["code"]).first()
        if unit is None:
            parent = units.get(row["parent"]) if row["parent"] else None
            if row["parent"] and parent is None:
                raise ValueError(
                    f"{DATA_FILE.name}: unit {row['code']}: parent {row['parent']} comes later or is missing"
                )
            if parent is not None:
                parent = Unit.objects.get(pk=parent.pk)  # fresh numchild after earlier additions
            unit = services.create_unit(
                parent,
                code=row["code"],
                name=row["name"],
                name_en=row.get("name_en", ""),
                unit_type=row["type"],
                aliases="\n".join(row.get("aliases", [])),
            )
        units[row["code"]] = unit
    return units


def _account(email, name, unit, position, password_hash, *, work_unit=None):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from college.accounts.roles import LEARNERS

    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(
            username=email.split("@")[0],
            email=email,
            password=password_hash,
            real_name=name,
            unit=unit,
            work_unit=work_unit if work_unit is not None else (unit.name if unit else ""),
            position=position,
            region="浙江省绍兴市",
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        group = Group.objects.filter(name=LEARNERS).first()
        if group:
            user.groups.add(group)
    return user


def _name(rng: random.Random, names: dict) -> str:
    return rng.choice(names["surnames"]) + rng.choice(names["given"])


def _halves(value) -> Decimal:
    """``value`` rounded to half hours."""
    return Decimal(round(float(value) * 2)) / 2


def _ledger_plan(rng: random.Random, hours: dict, target: Decimal, required_target: Decimal):
    """(month, day, credit type, title, hours) of a cadre's entries for the year, drawn from ``rng``."""
    bucket = rng.random()
    if bucket < 0.1:
        return []  # has not started
    if bucket < 0.35:
        share = rng.uniform(1.0, hours["most_percent"] / 100)  # has met the target
    elif bucket < 0.5:
        share = rng.uniform(hours["least_percent"] / 100, 0.2)
    else:
        share = rng.uniform(0.2, 0.95)
    total = max(_halves(float(target) * share), Decimal("0.5"))
    required = min(total, _halves(float(total) * rng.uniform(0.5, 0.8)))
    if share >= 1:
        required = min(total, max(required, required_target))
    plan = []
    for credit_type, amount, titles in (
        ("required", required, hours["required"]),
        ("elective", total - required, hours["elective"]),
    ):
        parts = rng.randint(1, 4)
        left = amount
        for index in range(parts):
            chunk = left if index == parts - 1 else min(left, max(Decimal("0.5"), _halves(amount / parts)))
            if chunk <= 0:
                break
            plan.append((rng.randint(1, 12), rng.randint(1, 28), credit_type, rng.choice(titles), chunk))
            left -= chunk
    return plan


def _credit(user, plan, year: int, today: datetime.date) -> None:
    from courses import services as course_services
    from courses.models import CreditEntry

    for index, (month, day, credit_type, title, hours) in enumerate(plan):
        # Planned dates after today are moved to today: the plan itself stays the same all year.
        earned_on = min(datetime.date(year, month, day), today)
        course_services.add_credit(
            user,
            hours,
            CreditEntry.Source.OFFLINE,
            credit_type,
            title,
            earned_on,
            reference=f"demo-org:{year}:{user.pk}:{index}",
            reason="演示数据",
        )


@transaction.atomic
def seed(stdout=None, today: datetime.date | None = None, **options):
    """Create (once) the demo unit tree, unit administrators and cadres with this year's hours."""
    from college.accounts.demo import DEMO_PASSWORD
    from courses import services as course_services

    data = load()
    today = today or local_today()
    units = _units(data["units"])
    password_hash = make_password(DEMO_PASSWORD)
    User = get_user_model()
    granter = User.objects.filter(is_superuser=True).order_by("pk").first()

    for row in data["administrators"]:
        admin = _account(row["email"], row["name"], units[row["unit"]], row["position"], password_hash)
        if granter is not None:
            services.grant_unit_administrator(granter, admin, units[row["unit"]])

    target = Decimal(str(course_services.annual_target()))
    required_target = Decimal(str(course_services.annual_required_target()))
    cadres = 0
    for row in data["cadres"]:
        for number in range(1, row["count"] + 1):
            email = f"cadre-{row['unit'].lower()}-{number}@{DOMAIN}"
            rng = random.Random(email)
            user = _account(email, _name(rng, data["names"]), units[row["unit"]], row["position"], password_hash)
            _credit(user, _ledger_plan(rng, data["hours"], target, required_target), today.year, today)
            cadres += 1
    for index, row in enumerate(data["unmatched"], start=1):
        for number in range(1, row["count"] + 1):
            email = f"cadre-unmatched-{index}-{number}@{DOMAIN}"
            rng = random.Random(email)
            _account(email, _name(rng, data["names"]), None, row["position"], password_hash, work_unit=row["work_unit"])
    # The other apps' demo accounts typed their work units: link the ones a unit is named after.
    matched = services.match_work_units()
    if stdout:
        stdout.write(
            f"  {len(units)} units, {len(data['administrators'])} unit administrators, {cadres} cadres; "
            f"{matched.cadres_matched} accounts linked by name"
        )
    return units


def login_table():
    """The demo unit administrators as the README lists them: (email, unit name)."""
    data = load()
    names = {row["code"]: row["name"] for row in data["units"]}
    return [(row["email"], names[row["unit"]]) for row in data["administrators"]]
