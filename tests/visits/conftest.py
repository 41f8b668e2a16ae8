import pytest

from .factories import HallFactory, SlotFactory


@pytest.fixture
def hall(db):
    return HallFactory(name="枫桥经验陈列馆", name_en="Fengqiao Experience Exhibition Hall", capacity=60)


@pytest.fixture
def slot(hall):
    return SlotFactory(hall=hall, capacity=20)
