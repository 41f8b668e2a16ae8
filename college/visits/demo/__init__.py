"""Demo content of visit booking: halls, a weekly schedule with its slots for
the booking window, closed days, guides, and requests in every state.

Halls, guides, units and the requests' texts are in ``visits.toml`` beside
this file; the scenario (``PLAN``: how many requests in which state, how many
days from today) stays here, because the tests rely on every state being
covered.

Idempotent: halls, rules and guides are looked up by name, slots by hall,
day and start, requests by their fixed demo booking code.  The demo writes
the requests' states directly (with their history) instead of calling the
services, so that seeding sends no email; the places still fit because each
demo request is placed only where the slot has room.
"""

import datetime
import random
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from college.core.demo import content

from ..models import (
    ClosedDay,
    GroupType,
    Guide,
    GuideAvailability,
    Hall,
    OpeningRule,
    Slot,
    Status,
    UnitType,
    VisitEvent,
    Visitor,
    VisitRequest,
    local_today,
)
from ..services import assign_guide, generate_slots

CONTENT_FILE = Path(__file__).resolve().parent / "visits.toml"
# The code needs these halls: late requests fall back to the first, past
# groups of earlier months are placed in the lecture hall (it holds 120).
FALLBACK_HALL = "exhibition-hall"
HISTORY_HALL = "lecture-hall"

WEEKDAYS = content.ListOf(content.Integer(0, 6), min_items=1, unique=True)
HOURS = {"weekdays": WEEKDAYS, "start": content.Time(), "end": content.Time()}
CONTENT_SCHEMA = content.Table(
    hall=content.Mapping(
        content.Table(
            name=content.Translated(content.Text()),
            capacity=content.Integer(1),
            meeting_room=content.Optional(content.Boolean(), default=False),
            opening=content.Items("opening", content.Table(**HOURS)),
        )
    ),
    guide_hours=content.Table(**HOURS),
    guide=content.Items(
        "guide", content.Table(name=content.Translated(content.Text()), languages=content.Text()), label_key="name.zh"
    ),
    unit=content.Items(
        "unit",
        content.Table(
            organisation=content.Text(),
            unit_type=content.Choice(UnitType.values),
            province=content.Text(),
            group_type=content.Choice(GroupType.values),
        ),
        label_key="organisation",
    ),
    requests=content.Table(
        surnames=content.Text(),
        given_names=content.Text(),
        purpose=content.Text(),
        decline_reasons=content.ListOf(content.Text(), min_items=1),
        new_year_closed=content.Text(),
    ),
)


def load_content(path=CONTENT_FILE):
    """Halls, guides, units and request texts of ``visits.toml``, checked (raises DemoContentError)."""
    data = content.read(path, CONTENT_SCHEMA)
    for key in (FALLBACK_HALL, HISTORY_HALL):
        if key not in data["hall"]:
            raise content.Location(path).key(f"hall.{key}").error("missing (the demo places requests in this hall)")
    hours = [(content.Location(path).key("guide_hours"), data["guide_hours"])]
    for key, hall in data["hall"].items():
        hours += [
            (content.Location(path).key(f"hall.{key}.opening").index(n), o) for n, o in enumerate(hall["opening"])
        ]
    for where, span in hours:
        if span["end"] <= span["start"]:
            raise where.key("end").error(f"must be after start ({span['start']:%H:%M})")
    names = [guide["name"]["zh"] for guide in data["guide"]]
    for number, name in enumerate(names):
        if name in names[:number]:
            raise content.Location(path, f'guide "{name}"').key("name.zh").error("two guides have this name")
    return data


# (state, days from today, group size): about thirty requests in every state.
PLAN = (
    [("pending", d, s) for d, s in [(3, 12), (5, 25), (8, 6), (12, 30), (15, 18), (20, 9), (26, 15), (40, 22)]]
    + [("approved", d, s) for d, s in [(1, 20), (1, 8), (2, 35), (4, 16), (6, 10), (9, 28), (14, 12), (30, 24)]]
    + [("declined", d, s) for d, s in [(7, 40), (11, 15), (18, 20)]]
    + [("cancelled", d, s) for d, s in [(10, 14), (16, 8), (-5, 10)]]
    + [("checked_in", d, s) for d, s in [(0, 18), (-2, 32), (-6, 14), (-9, 25), (-13, 40), (-20, 16), (-27, 22)]]
    + [("no_show", d, s) for d, s in [(-4, 12), (-16, 10)]]
)
# Earlier months of the year, so that the statistics have something to show.
HISTORY_GROUPS = 4  # groups per earlier month, 40–120 people each


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _roster(rng, size, texts):
    surnames, given = texts["surnames"], texts["given_names"]
    return [rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2))) for _ in range(size)]


def _slot_with_room(day, size, rng):
    candidates = [s for s in Slot.objects.filter(date=day).with_places() if s.places_left >= size]
    return rng.choice(candidates) if candidates else None


def _past_slot(hall, day, start=datetime.time(9, 0), end=datetime.time(10, 30)):
    slot, _created = Slot.objects.get_or_create(
        hall=hall, date=day, start=start, defaults={"end": end, "capacity": hall.capacity}
    )
    return slot


def _create_visit(code, slot, state, size, unit, rng, index, texts):
    leader = _roster(rng, 1, texts)[0]
    visit = VisitRequest.objects.create(
        code=code,
        slot=slot,
        status=Status.PENDING,
        organisation=unit["organisation"],
        unit_type=unit["unit_type"],
        province=unit["province"],
        group_type=unit["group_type"],
        leader_name=leader,
        phone=f"13{rng.randint(5, 9)}{rng.randint(10000000, 99999999)}",
        email=f"leader{index}@example.org",
        group_size=size,
        purpose=texts["purpose"],
        needs_guided_tour=True,
        needs_briefing=index % 3 == 0,
        needs_meeting_room=index % 4 == 0,
        vehicles=1 + size // 30,
        language="en" if index % 7 == 0 else "zh-hans",
    )
    Visitor.objects.bulk_create(
        [
            Visitor(request=visit, name=name, position=i)
            for i, name in enumerate([leader] + _roster(rng, size - 1, texts))
        ]
    )
    VisitEvent.objects.create(request=visit, action=VisitEvent.Action.REQUESTED, to_status=Status.PENDING)
    if state == "pending":
        return visit
    steps = {
        "approved": [Status.APPROVED],
        "declined": [Status.DECLINED],
        "cancelled": [Status.APPROVED, Status.CANCELLED],
        "checked_in": [Status.APPROVED, Status.CHECKED_IN],
        "no_show": [Status.APPROVED, Status.NO_SHOW],
    }[state]
    previous = Status.PENDING
    for status in steps:
        text = ""
        if status == Status.DECLINED:
            reasons = texts["decline_reasons"]
            text = visit.decline_reason = reasons[index % len(reasons)]
        if status == Status.CHECKED_IN:
            visit.actual_headcount = max(1, size - rng.randint(0, 2))
            visit.checked_in_at = slot.start_at
            text = str(visit.actual_headcount)
        VisitEvent.objects.create(request=visit, action=status, from_status=previous, to_status=status, text=text)
        previous = status
    visit.status = previous
    visit.save()
    return visit


def add_arguments(parser):
    parser.add_argument("--visit-days", type=int, default=60, help="Days of visit slots to open ahead (visits demo).")


@transaction.atomic
def seed(stdout=None, **options):
    data = load_content()
    texts, units = data["requests"], data["unit"]
    today = local_today()
    rng = random.Random(20261127)
    halls = {}
    for key, hall_data in data["hall"].items():
        halls[key], _created = Hall.objects.get_or_create(
            name=hall_data["name"]["zh"],
            defaults={
                "name_en": hall_data["name"]["en"],
                "capacity": hall_data["capacity"],
                "is_meeting_room": hall_data["meeting_room"],
            },
        )
    for key, hall_data in data["hall"].items():
        for opening in hall_data["opening"]:
            for weekday in opening["weekdays"]:
                OpeningRule.objects.get_or_create(
                    hall=halls[key], weekday=weekday, start=opening["start"], defaults={"end": opening["end"]}
                )
    new_year = datetime.date(today.year + 1, 1, 1)
    ClosedDay.objects.get_or_create(date=new_year, hall=None, defaults={"reason": texts["new_year_closed"]})
    guides = []
    hours = data["guide_hours"]
    for guide_data in data["guide"]:
        guide, created = Guide.objects.get_or_create(
            name=guide_data["name"]["zh"],
            defaults={"name_en": guide_data["name"]["en"], "languages": guide_data["languages"]},
        )
        if created:
            for weekday in hours["weekdays"]:
                GuideAvailability.objects.create(guide=guide, weekday=weekday, start=hours["start"], end=hours["end"])
        guides.append(guide)
    days = int(options.get("visit_days") or 60)
    opened = generate_slots(today - datetime.timedelta(days=30), days + 31)
    _say(stdout, f"  {opened} visit slots opened")

    made = 0
    for index, (state, offset, size) in enumerate(PLAN):
        code = f"DEMO{index + 2:02d}VST"[:10]
        if VisitRequest.objects.filter(code=code).exists():
            continue
        day = today + datetime.timedelta(days=offset)
        slot = _slot_with_room(day, size, rng)
        if slot is None:  # a Monday or a closed day: the next day with room
            for extra in range(1, 7):
                slot = _slot_with_room(day + datetime.timedelta(days=extra), size, rng)
                if slot is not None:
                    break
        if slot is None:
            slot = _past_slot(halls[FALLBACK_HALL], day)
        visit = _create_visit(code, slot, state, size, units[index % len(units)], rng, index, texts)
        if state in ("approved", "checked_in") and index % 2 == 0:
            guide = guides[index % len(guides)]
            if guide.is_available(slot):
                try:
                    assign_guide(visit, guide)
                except Exception:  # an overlapping demo visit: leave this one without a guide
                    pass
        made += 1
    # Checked-in groups of the earlier months of the year (for the statistics).
    for month in range(1, 13):
        if datetime.date(today.year, month, 28) >= today - datetime.timedelta(days=30):
            break
        for part in range(HISTORY_GROUPS):
            code = f"HIST{month:02d}{part:02d}"
            size = 40 + (month * 37 + part * 53) % 81
            if VisitRequest.objects.filter(code=code).exists():
                continue
            day = datetime.date(today.year, month, 3 + part * 6)
            slot = _past_slot(halls[HISTORY_HALL], day, datetime.time(9, 0), datetime.time(11, 30))
            unit = units[(month + part) % len(units)]
            _create_visit(code, slot, "checked_in", size, unit, rng, month * 10 + part, texts)
            made += 1
    _say(stdout, f"  {made} visit requests made ({VisitRequest.objects.count()} in all)")
    return timezone.now()
