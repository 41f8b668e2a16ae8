"""Public pages of visit booking: the request form, the status page and its .ics file."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .forms import StatusLookupForm, VisitRequestForm
from .ical import visit_ics
from .links import qr_svg
from .models import Status, VisitRequest, booking_window

FORM_TOKEN_FIELD = "form_token"


def _valid_token(value) -> str | None:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError):
        return None


@require_http_methods(["GET", "POST"])
def request_visit(request):
    """The form a group leader fills in (on a phone as well) to ask for a visit."""
    token = _valid_token(request.POST.get(FORM_TOKEN_FIELD)) if request.method == "POST" else None
    if request.method == "POST":
        form = VisitRequestForm(request.POST, request.FILES)
        if token:
            # A second click on "Send" carries the same one-time token: show
            # the request the first click made instead of booking again.
            existing = VisitRequest.objects.filter(idempotency_key=f"form:{token}").first()
            if existing is not None:
                return redirect("visits:status", code=existing.code)
        if form.is_valid():
            try:
                visit, _created = services.request_visit(
                    form.cleaned_data["slot"].pk,
                    form.details(get_language() or "zh-hans"),
                    idempotency_key=f"form:{token}" if token else None,
                    check_fingerprint=False,
                )
            except services.VisitError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request, _("Your request has been sent. Keep your booking code: %(code)s") % {"code": visit.code}
                )
                return redirect("visits:status", code=visit.code)
    else:
        form = VisitRequestForm(initial={"needs_guided_tour": True, "vehicles": 0})
    first, last = booking_window()
    return render(
        request,
        "visits/request_form.html",
        {
            "form": form,
            "form_token": token or str(uuid.uuid4()),
            "first_day": first,
            "last_day": last,
            "has_slots": form.fields["slot"].queryset.exists(),
        },
        status=200,
    )


@require_GET
def status_lookup(request):
    """Find a request by its booking code."""
    form = StatusLookupForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        if VisitRequest.objects.filter(code=code).exists():
            return redirect("visits:status", code=code)
        form.add_error("code", _("No request has this booking code."))
    return render(request, "visits/status_lookup.html", {"form": form})


def _get_visit(code):
    return get_object_or_404(VisitRequest.objects.select_related("slot__hall", "guide"), code=(code or "").upper())


@require_GET
def status(request, code):
    """The status of one request; the booking code in the address is its key."""
    visit = _get_visit(code)
    return render(
        request,
        "visits/status.html",
        {
            "visit": visit,
            "qr_svg": qr_svg(visit) if visit.status in (Status.APPROVED, Status.PENDING) else "",
            "is_approved": visit.status == Status.APPROVED,
        },
    )


@require_GET
def status_ics(request, code):
    """The .ics calendar file of an approved visit."""
    visit = _get_visit(code)
    if visit.status != Status.APPROVED:
        raise Http404
    response = HttpResponse(visit_ics(visit), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="visit-{visit.code}.ics"'
    return response
