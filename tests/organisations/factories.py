"""Factories of the organisations tests (factory_boy): units placed in the tree through the
services, unit administrators, cadres with a unit, and ledger entries through the courses
services (so that the hours are what the ledger itself would hold)."""

import datetime
import itertools
from decimal import Decimal

import factory

from college.organisations import services
from college.organisations.models import Unit, UnitAdministrator, UnitType
from tests.accounts.factories import UserFactory

YEAR = 2026
_references = itertools.count(1)


class UnitFactory(factory.django.DjangoModelFactory):
    """A unit; ``parent=`` places it below another (treebeard computes the path)."""

    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"测试单位{n}")
    name_en = factory.Sequence(lambda n: f"Test unit {n}")
    unit_type = UnitType.OTHER
    active = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return services.create_unit(parent, **kwargs)


class CadreFactory(UserFactory):
    """A learner who belongs to a unit."""

    unit = factory.SubFactory(UnitFactory)
    work_unit = factory.LazyAttribute(lambda cadre: cadre.unit.name if cadre.unit else "")


class UnitAdministratorFactory(factory.django.DjangoModelFactory):
    """A grant made directly (tests of the grant rules go through the services)."""

    class Meta:
        model = UnitAdministrator
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)

    @factory.post_generation
    def in_group(obj, create, extracted, **kwargs):
        if create:
            from college.accounts.roles import ensure_roles

            group = services._unit_administrators_group()
            if not group.permissions.exists():  # a flushed database (transactional tests)
                ensure_roles()
            group.user_set.add(obj.user)


def credit(user, hours, credit_type="required", on=None, title="枫桥经验专题学习"):
    """One ledger entry for ``user`` through the ledger's own service."""
    from courses import services as course_services
    from courses.models import CreditEntry

    entry, _created = course_services.add_credit(
        user,
        Decimal(str(hours)),
        CreditEntry.Source.OFFLINE,
        credit_type,
        title,
        on or datetime.date(YEAR, 3, 15),
        reference=f"test:{next(_references)}",
    )
    return entry
