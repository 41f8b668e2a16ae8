"""The secret per-staff calendar feed of approved visits."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from college.core.jsonapi import json_api

from .ical import feed_ics, feed_window
from .models import CalendarFeedToken, Status, VisitRequest


@json_api(methods=["GET"])  # iCalendar when found; errors in the API's one JSON body
def staff_feed(request, token):
    """Approved (and checked-in) visits from a month ago to a year ahead, for a calendar client."""
    feed = CalendarFeedToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is None or not feed.user.has_perm("visits.view_visitrequest"):
        raise Http404
    start, end = feed_window()
    visits = (
        VisitRequest.objects.filter(
            status__in=[Status.APPROVED, Status.CHECKED_IN], slot__date__gte=start, slot__date__lte=end
        )
        .select_related("slot__hall", "guide")
        .order_by("slot__date", "slot__start")
    )
    response = HttpResponse(feed_ics(visits, _("Fengqiao College visits")), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
