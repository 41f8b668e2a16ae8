"""Booking API under 50 concurrent clients over HTTP, then a database check that no slot is overbooked."""

import datetime
import itertools
import secrets
import threading
import time

from .client import HttpClient, Recorder, booking_payload, run_threads, timed
from .stack import log

HOT_CAPACITY = 40  # one slot every tenth request goes to: demand far above its places
AMPLE_CAPACITY = 1000  # the other slots: enough places for every request


def make_slots(count=10):
    """A hall of its own with ``count`` slots on bookable days; slot 0 is the scarce one."""
    from college.visits.models import ClosedDay, Hall, Slot, booking_window

    hall, _ = Hall.objects.get_or_create(name="压测展厅", defaults={"capacity": AMPLE_CAPACITY, "name_en": "Load hall"})
    first_day, last_day = booking_window()
    closed = set(ClosedDay.objects.values_list("date", flat=True))
    days = [first_day + datetime.timedelta(days=n) for n in range(3, (last_day - first_day).days)]
    days = [d for d in days if d not in closed]
    slots = []
    for i in range(count):
        day = days[i // 8]
        slot, _ = Slot.objects.get_or_create(
            hall=hall,
            date=day,
            start=datetime.time(8 + i % 8),
            defaults={"end": datetime.time(9 + i % 8), "capacity": HOT_CAPACITY if i == 0 else AMPLE_CAPACITY},
        )
        slots.append(slot)
    return slots


def run(stack, clients=50, requests=1000):
    from college.visits.models import Slot, Visitor, VisitRequest

    slots = make_slots()
    slot_ids = [s.pk for s in slots]
    tag = f"stack-{secrets.token_hex(4)}"
    log(
        f"bookings: {clients} concurrent clients, {requests} requests, {len(slots)} slots (one of {HOT_CAPACITY} places)"
    )
    recorder = Recorder()
    counter = itertools.count()
    lock = threading.Lock()
    created = []

    def client(number):
        http = HttpClient(stack.port, headers={"Accept-Language": "zh-hans"})
        while True:
            with lock:
                index = next(counter)
            if index >= requests:
                http.close()
                return
            slot = slot_ids[0] if index % 10 == 0 else slot_ids[1 + index % (len(slot_ids) - 1)]
            payload = booking_payload(index, slot, number)
            response = timed(
                recorder,
                lambda payload=payload, index=index: http.post(
                    "/api/visits/requests/", payload, headers={"Idempotency-Key": f"{tag}-{index}"}
                ),
                ok=(201, 409),
            )
            if response is not None and response.status == 201:
                with lock:
                    created.append(response.json()["code"])

    cpu = stack.server_cpu_seconds(), stack.worker_cpu_seconds()
    wall = run_threads(clients, client)
    summary = recorder.summary(wall)
    summary["server_cpu_ms_per_request"] = round(1000 * (stack.server_cpu_seconds() - cpu[0]) / requests, 1)
    summary["worker_cpu_s"] = round(stack.worker_cpu_seconds() - cpu[1], 1)
    summary["bookings"] = len(created)
    summary["bookings_per_second"] = round(len(created) / wall, 1)
    summary["clients"] = clients

    # What the database says afterwards (the server may have answered 201 without writing, or
    # written more than it answered: both would show here).
    time.sleep(0.5)
    rows = VisitRequest.objects.filter(idempotency_key__contains=tag)
    slots_now = list(Slot.objects.with_places().filter(pk__in=slot_ids))
    overbooked = [
        {"slot": s.pk, "capacity": s.capacity, "places_taken": s.places_taken}
        for s in slots_now
        if s.places_taken > s.capacity
    ]
    people = sum(rows.values_list("group_size", flat=True))
    visitors = Visitor.objects.filter(request__in=rows).count()
    hot = next(s for s in slots_now if s.pk == slot_ids[0])
    summary["check"] = {
        "requests_in_database": rows.count(),
        "answered_201": len(created),
        "codes_match": set(rows.values_list("code", flat=True)) == set(created),
        "people_booked": people,
        "roster_names": visitors,
        "scarce_slot": {"capacity": hot.capacity, "places_taken": hot.places_taken},
        "overbooked_slots": overbooked,
    }
    log(
        f"  {summary['bookings_per_second']} bookings/s, p95 {summary['p95_ms']} ms, answers {summary['statuses']}, "
        f"overbooked: {overbooked or 'none'}"
    )
    return summary
