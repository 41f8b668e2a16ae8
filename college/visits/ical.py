"""iCalendar files: one visit (attached to the approval email) and the staff feed."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .links import status_url

PRODID = "-//Fengqiao College//Visit booking//EN"


def _calendar(name=None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Asia/Shanghai")
    return cal


def _uid(visit) -> str:
    host = getattr(settings, "SITE_URL", "fengqiao").split("//")[-1].split("/")[0].split(":")[0] or "fengqiao"
    return f"visit-{visit.code}@{host}"


def visit_event(visit, for_staff=False) -> Event:
    slot = visit.slot
    event = Event()
    event.add("uid", _uid(visit))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.start_at)
    event.add("dtend", slot.end_at)
    event.add("sequence", int(visit.updated_at.timestamp()) if visit.updated_at else 0)
    if for_staff:
        event.add("summary", f"{visit.organisation} ({visit.group_size}) · {slot.hall}")
        lines = [
            _("Booking code: %(code)s") % {"code": visit.code},
            _("Leader: %(name)s, %(phone)s") % {"name": visit.leader_name, "phone": visit.phone},
            _("Group: %(type)s, %(n)d people") % {"type": visit.get_group_type_display(), "n": visit.group_size},
        ]
        if visit.guide:
            lines.append(_("Guide: %(guide)s") % {"guide": visit.guide})
    else:
        event.add("summary", _("Visit to Fengqiao College · %(hall)s") % {"hall": slot.hall})
        lines = [
            _("Booking code: %(code)s") % {"code": visit.code},
            _("Group: %(organisation)s, %(n)d people") % {"organisation": visit.organisation, "n": visit.group_size},
            status_url(visit),
        ]
    event.add("description", "\n".join(lines))
    event.add("location", str(slot.hall))
    event.add("status", "CONFIRMED")
    return event


def visit_ics(visit) -> bytes:
    """The .ics file of one approved visit, for the group leader."""
    with translation.override(visit.language):
        cal = _calendar()
        cal.add("method", "PUBLISH")
        cal.add_component(visit_event(visit))
        cal.add_missing_timezones()
        return cal.to_ical()


def feed_ics(visits, name) -> bytes:
    """A calendar of visits for staff (the secret per-staff feed)."""
    cal = _calendar(name)
    for visit in visits:
        cal.add_component(visit_event(visit, for_staff=True))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_window():
    today = timezone.localdate()
    return today - datetime.timedelta(days=30), today + datetime.timedelta(days=366)
