import pytest

from college.visits import demo
from college.visits.models import Guide, Hall, OpeningRule, Slot, Status, VisitRequest, booking_window, local_today

pytestmark = pytest.mark.django_db


def test_demo_seeds_halls_slots_guides_and_requests_in_every_state_once():
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
    assert Slot.objects.bookable().filter(date=last).exists() or Slot.objects.filter(date__gte=last).exists()
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
