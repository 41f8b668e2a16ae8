"""Emails after commit in the leader's language, with .ics and QR code; the
day-before reminder; staff told of new requests; the staff calendar feed."""

import datetime

import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from college.visits import services, tasks
from college.visits.links import status_url
from college.visits.models import CalendarFeedToken, Status, VisitRequest, local_today

from .factories import SlotFactory, VisitDetailsFactory, VisitRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_nothing_is_sent_before_commit(slot, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    assert mailoutbox == [] and len(callbacks) == 2


def test_staff_are_told_of_new_requests(slot, mailoutbox, django_capture_on_commit_callbacks):
    from tests.accounts.factories import UserFactory

    UserFactory(email="reception@example.org", roles=["Reception staff"])
    UserFactory(email="learner@example.org", roles=["Learners"])
    with django_capture_on_commit_callbacks(execute=True):
        visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    staff_mail = [m for m in mailoutbox if m.to == ["reception@example.org"]]
    assert len(staff_mail) == 1 and visit.code in staff_mail[0].subject
    assert f"/admin/visits/request/{visit.pk}/" in staff_mail[0].body
    assert not [m for m in mailoutbox if "learner@example.org" in m.to]


def test_approval_email_in_english_has_a_parsable_ics_and_a_readable_qr_code(
    slot, mailoutbox, django_capture_on_commit_callbacks
):
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2, language="en"))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(visit)
    (message,) = mailoutbox
    assert message.subject == f"Your visit {visit.code} is approved"
    assert "Your visit is approved" in message.body
    attachments = {name: (content, mime) for name, content, mime in message.attachments}
    ics, mime = attachments[f"visit-{visit.code}.ics"]
    assert mime == "text/calendar"
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("dtstart") == slot.start_at
    assert str(event["uid"]).startswith(f"visit-{visit.code}@")
    png, mime = attachments[f"visit-{visit.code}.png"]
    import io

    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert decoded[0].text == status_url(visit)
    assert decoded[0].text.endswith(f"/en/visits/status/{visit.code}/")


def test_decline_email_in_chinese_carries_the_reason(slot, mailoutbox, django_capture_on_commit_callbacks):
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(visit, "当天展厅布展")
    (message,) = mailoutbox
    assert visit.code in message.subject and "当天展厅布展" in message.body
    assert "婉拒" in message.subject or "未能" in message.subject
    assert message.attachments == []


def test_reschedule_email_gives_the_new_time(slot, hall, mailoutbox, django_capture_on_commit_callbacks):
    other = SlotFactory(
        hall=hall, date=slot.date + datetime.timedelta(days=2), start=datetime.time(14), end=datetime.time(15)
    )
    visit, _ = services.request_visit(slot.pk, VisitDetailsFactory(group_size=2, language="en"))
    services.approve(visit)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule(visit, other.pk)
    (message,) = mailoutbox
    assert "new time" in message.subject
    assert f"{other.date:%Y-%m-%d} 14:00" in message.body
    ics = dict((n, c) for n, c, _m in message.attachments)[f"visit-{visit.code}.ics"]
    assert Calendar.from_ical(ics).walk("VEVENT")[0].decoded("dtstart") == other.start_at


def test_stale_email_is_not_sent(slot, mailoutbox):
    visit = VisitRequestFactory(slot=slot, status=Status.CANCELLED)
    assert tasks.send_visit_email(visit.pk, "approved") is False
    assert mailoutbox == []


def test_reminder_goes_once_to_tomorrows_approved_visits(hall, mailoutbox):
    today = local_today()
    tomorrow_slot = SlotFactory(hall=hall, date=today + datetime.timedelta(days=1))
    later_slot = SlotFactory(hall=hall, date=today + datetime.timedelta(days=2))
    due = VisitRequestFactory(slot=tomorrow_slot, status=Status.APPROVED, language="en")
    VisitRequestFactory(slot=tomorrow_slot, status=Status.PENDING)
    VisitRequestFactory(slot=later_slot, status=Status.APPROVED)
    assert tasks.send_visit_reminders() == 1
    assert tasks.send_visit_reminders() == 0  # safe to run twice
    (message,) = mailoutbox
    assert message.subject == f"Reminder: your visit {due.code} is tomorrow"
    assert VisitRequest.objects.get(pk=due.pk).reminder_sent_at is not None


def test_beat_task_opens_slots_ahead(hall):
    from college.visits.models import OpeningRule, Slot

    OpeningRule.objects.create(
        hall=hall, weekday=local_today().weekday(), start=datetime.time(9), end=datetime.time(10)
    )
    assert tasks.generate_slots_ahead() >= 8
    assert tasks.generate_slots_ahead() == 0
    assert Slot.objects.filter(date__gt=local_today() + datetime.timedelta(days=53)).exists()


def test_staff_feed_lists_approved_visits_and_parses(client, slot):
    from tests.accounts.factories import UserFactory

    staff = UserFactory(roles=["Reception staff"])
    feed = CalendarFeedToken.objects.create(user=staff)
    approved = VisitRequestFactory(slot=slot, status=Status.APPROVED, organisation="诸暨市公安局")
    VisitRequestFactory(slot=slot, status=Status.PENDING, organisation="待审核单位")
    response = client.get(f"/api/visits/feed/{feed.token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]).split(" (")[0] for e in events] == ["诸暨市公安局"]
    assert approved.code in str(events[0]["description"])
    assert calendar.walk("VTIMEZONE")  # the Asia/Shanghai zone is included for clients


def test_feed_with_a_wrong_or_revoked_token_is_404(client):
    from tests.accounts.factories import UserFactory

    learner = UserFactory(roles=["Learners"])
    feed = CalendarFeedToken.objects.create(user=learner)
    assert client.get(f"/api/visits/feed/{feed.token}.ics").status_code == 404  # not staff
    assert client.get("/api/visits/feed/guess.ics").status_code == 404
