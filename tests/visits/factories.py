"""Factories for the visit booking tests: halls, slots, guides, requests and what groups submit."""

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


class VisitDetailsFactory(factory.Factory):
    """What a group fills in on the request form, as the form hands it to the services."""

    class Meta:
        model = VisitDetails

    organisation = "诸暨市司法局"
    group_type = "study"
    leader_name = "王明"
    phone = "13800138000"
    email = "leader@example.org"
    group_size = 3
    roster = factory.LazyAttribute(lambda o: [f"访客{i}" for i in range(o.group_size)])
    purpose = "学习新时代枫桥经验"


class VisitPayloadFactory(factory.DictFactory):
    """The JSON body of a visit request to the API (pass ``slot=slot.pk``)."""

    organisation = "诸暨市司法局"
    group_type = "study"
    leader_name = "王明"
    phone = "13800138000"
    email = "leader@example.org"
    group_size = 3
    purpose = "学习新时代枫桥经验"
    roster = factory.LazyAttribute(lambda o: [f"访客{chr(0x4E00 + i)}" for i in range(o.group_size)])


class VisitRequestFactory(factory.django.DjangoModelFactory):
    """A request straight in the database (for tests that start from a given state)."""

    class Meta:
        model = VisitRequest

    slot = factory.SubFactory(SlotFactory)
    status = "pending"
    organisation = "诸暨市司法局"
    group_type = "study"
    leader_name = "王明"
    phone = "13800138000"
    email = "leader@example.org"
    group_size = 3
    purpose = "学习新时代枫桥经验"
