import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(roles=["Learners"])


@pytest.fixture
def staff(db):
    return UserFactory(roles=["Training staff"])


class Clock:
    """A controllable clock passed as ``now`` to the services: tests never sleep."""

    def __init__(self):
        self.now = timezone.make_aware(datetime.datetime(2026, 11, 27, 9, 0, 0))

    def advance(self, seconds):
        self.now += datetime.timedelta(seconds=seconds)
        return self.now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()
