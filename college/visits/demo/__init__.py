"""Demo content of visit booking: halls, a weekly schedule with its slots for
the booking window, closed days, guides, and requests in every state.

Idempotent: halls, rules and guides are looked up by name, slots by hall,
day and start, requests by their fixed demo booking code.  The demo writes
the requests' states directly (with their history) instead of calling the
services, so that seeding sends no email; the places still fit because each
demo request is placed only where the slot has room.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from .models import (
    ClosedDay,
    Guide,
    GuideAvailability,
    Hall,
    OpeningRule,
    Slot,
    Status,
    VisitEvent,
    Visitor,
    VisitRequest,
    local_today,
)
from .services import assign_guide, generate_slots

HALLS = [
    # name, English name, capacity, meeting room
    ("枫桥经验陈列馆", "Fengqiao Experience Exhibition Hall", 60, False),
    ("新时代枫桥经验展示中心", "New-Era Fengqiao Experience Centre", 40, False),
    ("多功能报告厅", "Lecture Hall", 120, True),
]
# hall index, weekdays (Mon=0), start, end
SCHEDULE = [
    (0, range(1, 7), datetime.time(9, 0), datetime.time(10, 30)),
    (0, range(1, 7), datetime.time(10, 30), datetime.time(12, 0)),
    (0, range(1, 7), datetime.time(14, 0), datetime.time(15, 30)),
    (1, range(1, 6), datetime.time(9, 30), datetime.time(11, 0)),
    (1, range(1, 6), datetime.time(14, 30), datetime.time(16, 0)),
    (2, (2, 4), datetime.time(9, 0), datetime.time(11, 30)),
]
GUIDES = [
    ("陈晓燕", "Chen Xiaoyan", "普通话、英语"),
    ("王建国", "Wang Jianguo", "普通话"),
    ("刘婷", "Liu Ting", "普通话、绍兴话"),
    ("赵磊", "Zhao Lei", "普通话、日语"),
]
UNITS = [
    ("浙江省委政法委", "party_government", "浙江", "inspection"),
    ("江苏省南京市中级人民法院", "political_legal", "江苏", "study"),
    ("上海市浦东新区司法局", "political_legal", "上海", "study"),
    ("安徽省合肥市公安局", "political_legal", "安徽", "inspection"),
    ("福建省厦门市思明区人民政府", "party_government", "福建", "inspection"),
    ("绍兴文理学院法学院", "institution", "浙江", "study"),
    ("广东省深圳市南山区人民检察院", "political_legal", "广东", "study"),
    ("山东省枣庄市委党校", "institution", "山东", "training"),
    ("诸暨市枫桥镇枫源村", "community", "浙江", "study"),
    ("浙江交通集团", "enterprise", "浙江", "other"),
    ("四川省成都市武侯区政法委", "party_government", "四川", "inspection"),
    ("湖北省宜昌市司法局", "political_legal", "湖北", "training"),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红"

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
DECLINE_REASONS = [
    "当天展厅布展，无法接待，请改约其他时间。",
    "该时段已安排重要接待任务。",
    "团组人数超出讲解能力，请分批前来。",
]


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _roster(rng, size):
    return [rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))) for _ in range(size)]


def _slot_with_room(day, size, rng):
    candidates = [s for s in Slot.objects.filter(date=day).with_places() if s.places_left >= size]
    return rng.choice(candidates) if candidates else None


def _past_slot(hall, day, start=datetime.time(9, 0), end=datetime.time(10, 30)):
    slot, _created = Slot.objects.get_or_create(
        hall=hall, date=day, start=start, defaults={"end": end, "capacity": hall.capacity}
    )
    return slot


def _create_visit(code, slot, state, size, unit, rng, index):
    organisation, unit_type, province, group_type = unit
    leader = _roster(rng, 1)[0]
    visit = VisitRequest.objects.create(
        code=code,
        slot=slot,
        status=Status.PENDING,
        organisation=organisation,
        unit_type=unit_type,
        province=province,
        group_type=group_type,
        leader_name=leader,
        phone=f"13{rng.randint(5, 9)}{rng.randint(10000000, 99999999)}",
        email=f"leader{index}@example.org",
        group_size=size,
        purpose="学习新时代“枫桥经验”，交流基层社会治理做法。",
        needs_guided_tour=True,
        needs_briefing=index % 3 == 0,
        needs_meeting_room=index % 4 == 0,
        vehicles=1 + size // 30,
        language="en" if index % 7 == 0 else "zh-hans",
    )
    Visitor.objects.bulk_create(
        [Visitor(request=visit, name=name, position=i) for i, name in enumerate([leader] + _roster(rng, size - 1))]
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
            text = visit.decline_reason = DECLINE_REASONS[index % len(DECLINE_REASONS)]
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
    today = local_today()
    rng = random.Random(20261127)
    halls = []
    for name, name_en, capacity, meeting in HALLS:
        hall, _created = Hall.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "capacity": capacity, "is_meeting_room": meeting}
        )
        halls.append(hall)
    for hall_index, weekdays, start, end in SCHEDULE:
        for weekday in weekdays:
            OpeningRule.objects.get_or_create(
                hall=halls[hall_index], weekday=weekday, start=start, defaults={"end": end}
            )
    new_year = datetime.date(today.year + 1, 1, 1)
    ClosedDay.objects.get_or_create(date=new_year, hall=None, defaults={"reason": "元旦"})
    guides = []
    for name, name_en, languages in GUIDES:
        guide, created = Guide.objects.get_or_create(name=name, defaults={"name_en": name_en, "languages": languages})
        if created:
            for weekday in range(1, 7):
                GuideAvailability.objects.create(
                    guide=guide, weekday=weekday, start=datetime.time(8, 30), end=datetime.time(17, 30)
                )
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
            slot = _past_slot(halls[0], day)
        visit = _create_visit(code, slot, state, size, UNITS[index % len(UNITS)], rng, index)
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
            slot = _past_slot(halls[2], day, datetime.time(9, 0), datetime.time(11, 30))
            _create_visit(code, slot, "checked_in", size, UNITS[(month + part) % len(UNITS)], rng, month * 10 + part)
            made += 1
    _say(stdout, f"  {made} visit requests made ({VisitRequest.objects.count()} in all)")
    return timezone.now()
