import datetime

import factory

from college.visits.models import Guide, GuideAvailability, Hall, Slot, VisitRequest, local_today
from college.visits.services import VisitDetails


class HallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hall
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"展厅{n}")
    name_en = factory.Sequence(lambda n: f"Hall {n}")
    capacity = 40


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    hall = factory.SubFactory(HallFactory)
    date = factory.LazyFunction(lambda: local_today() + datetime.timedelta(days=7))
    start = datetime.time(9, 0)
    end = datetime.time(10, 30)
    capacity = 20


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"讲解员{n}")

    @factory.post_generation
    def always_available(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            for weekday in range(7):
                GuideAvailability.objects.create(
                    guide=obj, weekday=weekday, start=datetime.time(8, 0), end=datetime.time(18, 0)
                )


def details(size=3, **overrides):
    values = dict(
        organisation="诸暨市司法局",
        group_type="study",
        leader_name="王明",
        phone="13800138000",
        email="leader@example.org",
        group_size=size,
        roster=[f"访客{i}" for i in range(size)],
        purpose="学习新时代枫桥经验",
    )
    values.update(overrides)
    return VisitDetails(**values)


def api_payload(slot, size=3, **overrides):
    values = dict(
        slot=slot.pk,
        organisation="诸暨市司法局",
        group_type="study",
        leader_name="王明",
        phone="13800138000",
        email="leader@example.org",
        group_size=size,
        purpose="学习新时代枫桥经验",
        roster=[f"访客{chr(0x4E00 + i)}" for i in range(size)],
    )
    values.update(overrides)
    return values


def make_visit(slot, size=3, status="pending", **overrides):
    """A request straight in the database (for tests that start from a given state)."""
    from dataclasses import fields

    detail_names = {f.name for f in fields(VisitDetails)}
    data = details(size, **{k: v for k, v in overrides.items() if k in detail_names})
    extra = {k: v for k, v in overrides.items() if k not in detail_names}
    visit = VisitRequest.objects.create(
        slot=slot, status=status, **{k: v for k, v in data.__dict__.items() if k != "roster"}, **extra
    )
    return visit
