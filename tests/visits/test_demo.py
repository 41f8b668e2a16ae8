import datetime

import pytest
import time_machine

from college.visits import demo
from college.visits.models import (
    ClosedDay,
    Guide,
    Hall,
    OpeningRule,
    Slot,
    Status,
    VisitRequest,
    booking_window,
    local_today,
)

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def last_open_day(first: datetime.date, last: datetime.date) -> datetime.date:
    """The last day of the window on which some hall opens (Mondays and closed days do not)."""
    weekdays = set(OpeningRule.objects.values_list("weekday", flat=True))
    closed = set(ClosedDay.objects.filter(hall=None).values_list("date", flat=True))
    day = last
    while day.weekday() not in weekdays or day in closed:
        day -= datetime.timedelta(days=1)
    assert day >= first
    return day


# 2026-12-03: the window ends on a Monday (the day CI once went red); then the last day of a
# year, a leap day, a Sunday and the National Day holiday.
@pytest.mark.parametrize("today", ["2026-12-03", "2027-12-31", "2028-02-29", "2027-06-06", "2027-10-01"])
def test_demo_seeds_halls_slots_guides_and_requests_in_every_state_once(today):
    with time_machine.travel(datetime.datetime.fromisoformat(f"{today}T10:00:00+08:00"), tick=False):
        check_demo_seed()


def check_demo_seed():
    demo.seed()
    counts = (
        Hall.objects.count(),
        OpeningRule.objects.count(),
        Slot.objects.count(),
        Guide.objects.count(),
        VisitRequest.objects.count(),
    )
    assert counts[0] == 3 and counts[3] == 4
    first, last = booking_window()
    assert Slot.objects.bookable().filter(date=last_open_day(first, last)).exists()
    assert Slot.objects.filter(date__gte=local_today()).values("date").distinct().count() >= 45
    states = set(VisitRequest.objects.values_list("status", flat=True))
    assert states == {s.value for s in Status}
    assert VisitRequest.objects.filter(code__startswith="DEMO").count() >= 30
    for slot in Slot.objects.with_places():
        assert slot.places_taken <= slot.capacity
    for visit in VisitRequest.objects.all():
        assert visit.visitors.count() == visit.group_size
    demo.seed()  # a second run changes nothing
    assert counts == (
        Hall.objects.count(),
        OpeningRule.objects.count(),
        Slot.objects.count(),
        Guide.objects.count(),
        VisitRequest.objects.count(),
    )
