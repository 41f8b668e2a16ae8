"""The booking rules: places held, capacity, transitions, guides, check-in."""

import datetime

import pytest
from django.utils import timezone

from college.visits import services
from college.visits.models import (
    ClosedDay,
    GuideAvailability,
    OpeningRule,
    Slot,
    Status,
    VisitEvent,
    VisitRequest,
    local_today,
)

from .factories import GuideFactory, HallFactory, SlotFactory, VisitDetailsFactory, VisitRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_request_holds_places_while_pending(slot):
    visit, created = services.request_visit(slot.pk, VisitDetailsFactory(group_size=5))
    assert created and visit.status == Status.PENDING
    assert len(visit.code) == 10
    assert visit.roster_names == [f"访客{i}" for i in range(5)]
    assert Slot.objects.with_places().get(pk=slot.pk).places_left == 15
    assert list(visit.events.values_list("action", flat=True)) == ["requested"]


def test_request_larger_than_places_left_is_refused_with_the_number_left(slot):
    services.request_visit(slot.pk, VisitDetailsFactory(group_size=18))
    with pytest.raises(services.NotEnoughPlaces) as error:
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=3))
    assert error.value.places_left == 2
    assert "2" in error.value.message
    assert VisitRequest.objects.count() == 1


def test_last_places_cannot_be_booked_twice(slot):
    services.request_visit(slot.pk, VisitDetailsFactory(group_size=18))
    services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    with pytest.raises(services.NotEnoughPlaces) as error:
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=1))
    assert error.value.places_left == 0


def test_declined_and_cancelled_requests_free_their_places(slot):
    first, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=10))
    second, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=10))
    services.decline(first, "展厅维护")
    services.cancel(second)
    assert Slot.objects.with_places().get(pk=slot.pk).places_left == 20
    services.request_visit(slot.pk, VisitDetailsFactory(group_size=20))


def test_same_idempotency_key_books_once(slot):
    a, created_a = services.request_visit(slot.pk, VisitDetailsFactory(group_size=4), idempotency_key="k-1")
    b, created_b = services.request_visit(slot.pk, VisitDetailsFactory(group_size=4), idempotency_key="k-1")
    assert created_a and not created_b and a.pk == b.pk
    assert VisitRequest.objects.count() == 1


def test_idempotency_key_reused_for_another_request_is_refused(slot):
    services.request_visit(slot.pk, VisitDetailsFactory(group_size=4), idempotency_key="k-2")
    with pytest.raises(services.IdempotencyConflict):
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=5), idempotency_key="k-2")
    assert VisitRequest.objects.count() == 1


@pytest.mark.parametrize(
    "days_ahead, message",
    [(-1, "已过"), (0, "至少提前 2 天"), (1, "至少提前 2 天"), (61, "超出可预约范围")],
)
def test_slots_outside_the_booking_window_are_refused(hall, days_ahead, message):
    slot = SlotFactory(hall=hall, date=local_today() + datetime.timedelta(days=days_ahead))
    with pytest.raises(services.SlotNotBookable) as error:
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    assert message in error.value.message
    assert not VisitRequest.objects.exists()


def test_slot_on_a_closed_day_is_refused(slot):
    ClosedDay.objects.create(date=slot.date, reason="国庆")
    with pytest.raises(services.SlotNotBookable):
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    assert not Slot.objects.bookable().filter(pk=slot.pk).exists()


def test_closed_slot_and_unknown_slot_are_refused(slot):
    slot.is_open = False
    slot.save()
    with pytest.raises(services.SlotNotBookable):
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    with pytest.raises(services.SlotNotBookable):
        services.request_visit(999999, VisitDetailsFactory(group_size=2))


def test_roster_must_match_group_size(slot):
    with pytest.raises(services.VisitError) as error:
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=3, roster=["甲", "乙"]))
    assert error.value.field == "roster"
    assert not VisitRequest.objects.exists()


def test_approve_then_approve_again_is_refused(slot):
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    services.approve(visit)
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.APPROVED
    with pytest.raises(services.InvalidTransition):
        services.approve(visit)


def test_decline_needs_a_reason(slot):
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    with pytest.raises(services.VisitError):
        services.decline(visit, "  ")
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.PENDING


def test_reschedule_moves_the_places(slot, hall):
    other = SlotFactory(hall=hall, date=slot.date + datetime.timedelta(days=1), capacity=10)
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=8))
    services.approve(visit)
    services.reschedule(visit, other.pk)
    assert Slot.objects.with_places().get(pk=slot.pk).places_left == 20
    assert Slot.objects.with_places().get(pk=other.pk).places_left == 2
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.APPROVED
    assert visit.events.filter(action=VisitEvent.Action.RESCHEDULED).exists()


def test_reschedule_to_a_slot_without_room_changes_nothing(slot, hall):
    other = SlotFactory(hall=hall, date=slot.date + datetime.timedelta(days=1), capacity=10)
    services.request_visit(other.pk, VisitDetailsFactory(group_size=5))
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=8))
    with pytest.raises(services.NotEnoughPlaces) as error:
        services.reschedule(visit, other.pk)
    assert error.value.places_left == 5
    assert VisitRequest.objects.get(pk=visit.pk).slot_id == slot.pk


def test_guide_cannot_lead_two_overlapping_visits(slot, hall):
    guide = GuideFactory()
    overlapping = SlotFactory(hall=HallFactory(), date=slot.date, start=datetime.time(10, 0), end=datetime.time(11, 0))
    later = SlotFactory(hall=hall, date=slot.date, start=datetime.time(10, 30), end=datetime.time(12, 0))
    a, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    b, _ = services.request_visit(overlapping.pk, VisitDetailsFactory(group_size=2))
    c, _ = services.request_visit(later.pk, VisitDetailsFactory(group_size=2))
    services.assign_guide(a, guide)
    with pytest.raises(services.GuideUnavailable) as error:
        services.assign_guide(b, guide)
    assert a.code in error.value.message
    services.assign_guide(c, guide)  # 10:30 starts as 9:00–10:30 ends: no overlap
    assert VisitRequest.objects.get(pk=b.pk).guide is None
    assert VisitRequest.objects.get(pk=c.pk).guide == guide


def test_guide_must_be_available_at_that_time(slot):
    guide = GuideFactory(always_available=False)
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    with pytest.raises(services.GuideUnavailable):
        services.assign_guide(visit, guide)
    GuideAvailability.objects.create(
        guide=guide, weekday=slot.date.weekday(), start=datetime.time(8), end=datetime.time(12)
    )
    services.assign_guide(visit, guide)
    assert VisitRequest.objects.get(pk=visit.pk).guide == guide


def test_check_in_records_the_headcount_on_the_day(hall):
    slot = SlotFactory(hall=hall, date=local_today())
    visit = VisitRequestFactory(slot=slot, group_size=10, status=Status.APPROVED)
    with pytest.raises(services.VisitError):
        services.check_in(visit, 9, today=local_today() - datetime.timedelta(days=1))
    with pytest.raises(services.VisitError):
        services.check_in(visit, 0)
    services.check_in(visit, 9)
    visit.refresh_from_db()
    assert visit.status == Status.CHECKED_IN and visit.actual_headcount == 9 and visit.checked_in_at
    with pytest.raises(services.InvalidTransition):
        services.check_in(visit, 9)


def test_pending_request_cannot_be_checked_in(hall):
    slot = SlotFactory(hall=hall, date=local_today())
    visit = VisitRequestFactory(slot=slot, group_size=4, status=Status.PENDING)
    with pytest.raises(services.InvalidTransition):
        services.check_in(visit, 4)


def test_no_show_only_after_the_visit_started(slot):
    visit = VisitRequestFactory(slot=slot, status=Status.APPROVED)
    with pytest.raises(services.VisitError):
        services.mark_no_show(visit)
    services.mark_no_show(visit, now=slot.start_at + datetime.timedelta(minutes=30))
    assert VisitRequest.objects.get(pk=visit.pk).status == Status.NO_SHOW


def test_notes_are_kept_in_the_history(slot):
    visit = VisitRequestFactory(slot=slot)
    services.add_note(visit, "需要轮椅通道")
    assert visit.events.get(action="note").text == "需要轮椅通道"
    with pytest.raises(services.VisitError):
        services.add_note(visit, "")


def test_weekly_schedule_generates_slots_and_skips_closed_days(hall):
    today = local_today()
    monday = today + datetime.timedelta(days=(7 - today.weekday()) % 7 or 7)
    OpeningRule.objects.create(hall=hall, weekday=0, start=datetime.time(9), end=datetime.time(10, 30))
    OpeningRule.objects.create(hall=hall, weekday=0, start=datetime.time(14), end=datetime.time(15, 30), capacity=30)
    ClosedDay.objects.create(date=monday + datetime.timedelta(days=7), reason="闭馆")
    created = services.generate_slots(monday, 14)
    assert created == 2  # the second Monday is closed
    slots = list(Slot.objects.order_by("start"))
    assert [(s.date, s.start, s.capacity) for s in slots] == [
        (monday, datetime.time(9), 60),
        (monday, datetime.time(14), 30),
    ]
    assert services.generate_slots(monday, 14) == 0  # idempotent


def test_generate_slots_ahead_covers_the_booking_window(hall):
    for weekday in range(7):
        OpeningRule.objects.create(hall=hall, weekday=weekday, start=datetime.time(9), end=datetime.time(10))
    services.generate_slots()
    dates = set(Slot.objects.values_list("date", flat=True))
    assert local_today() + datetime.timedelta(days=60) in dates
    assert len(dates) == 61


def test_events_record_who_acted(slot, django_user_model):
    staff = django_user_model.objects.create(username="r", email="r@example.org")
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    services.approve(visit, by=staff)
    event = visit.events.get(action="approved")
    assert event.by == staff and event.from_status == "pending" and event.to_status == "approved"
    assert event.at <= timezone.now()
