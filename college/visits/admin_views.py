"""The reception back office inside the Wagtail admin: a request's page with
its actions, the reception calendar, check-in, statistics and the staff
calendar feed.  Every action calls a function of ``services``."""

import calendar
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from college.core.params import date_param, year_param
from college.core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, xlsx_bytes
from college.core.staff import staff_permission_required

from . import services
from .forms import CancelForm, CheckInForm, DeclineForm, GuideForm, HeadcountForm, NoteForm, RescheduleForm
from .links import qr_svg
from .models import CalendarFeedToken, Slot, Status, VisitRequest, local_today, new_feed_token
from .reports import month_chart_svg, statistics_csv, year_statistics

VIEW = "visits.view_visitrequest"
CHANGE = "visits.change_visitrequest"


def _render(request, template, context, title, icon="date"):
    context = {"page_title": title, "header_title": title, "header_icon": icon, **context}
    return TemplateResponse(request, template, context)


def _visit(pk):
    return get_object_or_404(
        VisitRequest.objects.select_related("slot__hall", "guide").prefetch_related("visitors", "events__by"), pk=pk
    )


@staff_permission_required(VIEW)
def request_detail(request, pk, forms=None):
    """One request: details, roster, history and every action staff can take."""
    visit = _visit(pk)
    forms = forms or {}
    context = {
        "visit": visit,
        "decline_form": forms.get("decline") or DeclineForm(),
        "reschedule_form": forms.get("reschedule") or RescheduleForm(visit=visit),
        "guide_form": forms.get("guide") or GuideForm(initial={"guide": visit.guide_id}),
        "note_form": forms.get("note") or NoteForm(),
        "headcount_form": forms.get("check_in") or HeadcountForm(initial={"headcount": visit.group_size}),
        "cancel_form": forms.get("cancel") or CancelForm(),
        "can_change": request.user.has_perm(CHANGE),
        "is_today": visit.slot.date == local_today(),
        "qr_svg": qr_svg(visit),
        "index_url": reverse("visits_requests:index"),
    }
    return _render(
        request,
        "visits/admin/request_detail.html",
        context,
        _("Visit request %(code)s") % {"code": visit.code},
        icon="clipboard-list",
    )


ACTIONS = {
    # name: (form class or None, service call, success message)
    "approve": (
        None,
        lambda v, f, u: services.approve(v, by=u),
        gettext_lazy("Approved; the group leader is told by email."),
    ),
    "decline": (
        DeclineForm,
        lambda v, f, u: services.decline(v, f.cleaned_data["reason"], by=u),
        gettext_lazy("Declined; the group leader is told by email."),
    ),
    "cancel": (
        CancelForm,
        lambda v, f, u: services.cancel(v, by=u, reason=f.cleaned_data["reason"]),
        gettext_lazy("Cancelled; the places are free again."),
    ),
    "reschedule": (
        RescheduleForm,
        lambda v, f, u: services.reschedule(v, f.cleaned_data["slot"].pk, by=u),
        gettext_lazy("Moved to the new slot with its places."),
    ),
    "guide": (
        GuideForm,
        lambda v, f, u: services.assign_guide(v, f.cleaned_data["guide"], by=u),
        gettext_lazy("Guide saved."),
    ),
    "note": (NoteForm, lambda v, f, u: services.add_note(v, f.cleaned_data["text"], by=u), gettext_lazy("Note added.")),
    "check_in": (
        HeadcountForm,
        lambda v, f, u: services.check_in(v, f.cleaned_data["headcount"], by=u),
        gettext_lazy("Checked in."),
    ),
    "no_show": (None, lambda v, f, u: services.mark_no_show(v, by=u), gettext_lazy("Marked as a no-show.")),
}


@require_POST
@staff_permission_required(CHANGE)
def request_action(request, pk, action):
    """Run one back-office action on a request (a POST from its page)."""
    if action not in ACTIONS:
        raise PermissionDenied
    form_class, run, success = ACTIONS[action]
    visit = _visit(pk)
    form = None
    if form_class is not None:
        form = form_class(request.POST, visit=visit) if form_class is RescheduleForm else form_class(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return request_detail(request, pk, forms={action: form})
    try:
        run(visit, form, request.user)
    except services.VisitError as error:
        messages.error(request, error.message)
        if form is not None:
            return request_detail(request, pk, forms={action: form})
    else:
        messages.success(request, str(success))
    next_url = request.POST.get("next")
    if next_url and next_url.startswith("/admin/"):
        return redirect(next_url)
    return redirect("visits_admin:request", pk=pk)


@staff_permission_required(VIEW)
def roster_xlsx(request, pk):
    """The group's roster as an Excel file (for the reception desk and security)."""
    visit = _visit(pk)
    content = xlsx_bytes(
        [_("No."), _("Name"), _("Work unit")],
        [[number, name, visit.organisation] for number, name in enumerate(visit.roster_names, start=1)],
        title=visit.code,
    )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="roster-{visit.code}.xlsx"'
    return response


@staff_permission_required(VIEW)
def reception_calendar(request):
    """Slots of a week or a month with the places taken and left, and their groups."""
    mode = "month" if request.GET.get("view") == "month" else "week"
    day = date_param(request.GET.get("date"))
    if mode == "week":
        start = day - datetime.timedelta(days=day.weekday())
        end = start + datetime.timedelta(days=6)
        previous, following = start - datetime.timedelta(days=7), start + datetime.timedelta(days=7)
    else:
        start = day.replace(day=1)
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        previous = (start - datetime.timedelta(days=1)).replace(day=1)
        following = end + datetime.timedelta(days=1)
    holding = VisitRequest.objects.filter(status__in=[Status.PENDING, Status.APPROVED, Status.CHECKED_IN])
    slots = (
        Slot.objects.filter(date__gte=start, date__lte=end)
        .with_places()
        .select_related("hall")
        .prefetch_related(Prefetch("requests", queryset=holding.select_related("guide"), to_attr="holding_requests"))
        .order_by("date", "start", "hall__name")
    )
    by_day = {}
    for slot in slots:
        by_day.setdefault(slot.date, []).append(slot)
    days = [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]
    if mode == "month":
        # Whole weeks, Monday first, so that the month reads as a calendar.
        lead = [None] * start.weekday()
        cells = lead + [(d, by_day.get(d, [])) for d in days]
        cells += [None] * (-len(cells) % 7)
        weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    else:
        weeks = [[(d, by_day.get(d, [])) for d in days]]
    title = _("Reception calendar")
    return _render(
        request,
        "visits/admin/calendar.html",
        {
            "mode": mode,
            "weeks": weeks,
            "start": start,
            "end": end,
            "previous": previous,
            "following": following,
            "today": local_today(),
            "weekday_names": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
            "totals": {
                "capacity": sum(s.capacity for s in slots),
                "taken": sum(s.places_taken for s in slots),
            },
        },
        title,
    )


@staff_permission_required(VIEW)
def check_in(request):
    """Find the group that arrived by its booking code (typed or scanned from its QR code)."""
    form = CheckInForm(request.GET or None)
    visit = None
    if form.is_valid():
        visit = (
            VisitRequest.objects.select_related("slot__hall", "guide")
            .prefetch_related("visitors")
            .filter(code=form.cleaned_data["code"])
            .first()
        )
        if visit is None:
            form.add_error("code", _("No request has this booking code."))
    today = local_today()
    expected_today = (
        VisitRequest.objects.filter(slot__date=today, status__in=[Status.APPROVED, Status.CHECKED_IN])
        .select_related("slot__hall", "guide")
        .order_by("slot__start")
    )
    return _render(
        request,
        "visits/admin/check_in.html",
        {
            "form": form,
            "visit": visit,
            "headcount_form": HeadcountForm(initial={"headcount": visit.group_size}) if visit else None,
            "expected_today": expected_today,
            "today": today,
            "can_change": request.user.has_perm(CHANGE),
        },
        _("Check-in"),
        icon="tick",
    )


@staff_permission_required(VIEW)
def statistics(request):
    """Visitors per month and year against the annual target, by group type, province and unit type."""
    stats = year_statistics(year_param(request.GET.get("year")))
    return _render(
        request,
        "visits/admin/statistics.html",
        {"stats": stats, "chart": month_chart_svg(stats), "months": list(range(1, 13))},
        _("Visitor statistics"),
        icon="table",
    )


@staff_permission_required(VIEW)
def statistics_download(request):
    """The year's statistics as CSV (with a BOM, so that Excel shows the Chinese labels)."""
    stats = year_statistics(year_param(request.GET.get("year")))
    response = HttpResponse(statistics_csv(stats), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="visitors-{stats.year}.csv"'
    return response


@staff_permission_required(VIEW)
def calendar_feed(request):
    """The staff member's secret calendar address; POST makes a new one (the old stops working)."""
    feed = CalendarFeedToken.objects.filter(user=request.user).first()
    if request.method == "POST":
        if feed is None:
            feed = CalendarFeedToken.objects.create(user=request.user)
        else:
            feed.token = new_feed_token()
            feed.save(update_fields=["token"])
        messages.success(request, _("Your calendar address is ready. Keep it secret."))
        return redirect("visits_admin:feed")
    url = None
    if feed is not None:
        url = request.build_absolute_uri(reverse("visits_api:feed", args=[feed.token]))
    return _render(request, "visits/admin/feed.html", {"feed_url": url}, _("My calendar feed"))
