"""Opening slots from the weekly schedule (``OpeningRule``), skipping closed days."""

import datetime

from ..models import ClosedDay, OpeningRule, Slot, booking_window_days, local_today


def generate_slots(start: datetime.date | None = None, days: int | None = None) -> int:
    """Create the slots the weekly schedule opens from ``start`` for ``days`` days; return how many are new.

    Safe to run again: a slot already there (same hall, day and start) is kept
    as it is, so staff changes to a slot are never undone.  Closed days get no slots.
    """
    start = start or local_today()
    days = days if days is not None else booking_window_days() + 1
    rules = list(OpeningRule.objects.filter(is_active=True, hall__is_active=True).select_related("hall"))
    end = start + datetime.timedelta(days=days - 1)
    closed = {(c.date, c.hall_id) for c in ClosedDay.objects.filter(date__gte=start, date__lte=end)}
    existing = set(Slot.objects.filter(date__gte=start, date__lte=end).values_list("hall_id", "date", "start"))
    new = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        for rule in rules:
            if not rule.applies_on(day) or (day, None) in closed or (day, rule.hall_id) in closed:
                continue
            if (rule.hall_id, day, rule.start) in existing:
                continue
            new.append(
                Slot(
                    hall=rule.hall,
                    date=day,
                    start=rule.start,
                    end=rule.end,
                    capacity=rule.capacity or rule.hall.capacity,
                    rule=rule,
                )
            )
            existing.add((rule.hall_id, day, rule.start))
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
