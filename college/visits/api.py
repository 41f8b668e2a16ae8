"""The JSON API of visit booking (for the WeChat mini-program), described in
``openapi.py`` and served at /api/visits/openapi.json.

Bad input gets ``400 {"errors": {field: [messages]}}`` in the request's
language (Accept-Language); too few places ``409 {"detail", "places_left"}``.
"""

import datetime
import functools
import json

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .forms import VisitRequestForm
from .links import status_url
from .models import Slot, VisitRequest, booking_window

MAX_RANGE_DAYS = 92
MAX_BODY_BYTES = 64 * 1024
STRING_FIELDS = ("organisation", "group_type", "leader_name", "phone", "email", "purpose", "unit_type", "province")
INTEGER_FIELDS = ("slot", "group_size", "vehicles")
BOOLEAN_FIELDS = ("needs_guided_tour", "needs_briefing", "needs_meeting_room")
IDEMPOTENCY_KEY_MAX = 100


def api_language(view):
    """Answer in the language of Accept-Language.

    The API lives outside the language prefix, where LocaleMiddleware always
    picks the default language (prefix_default_language=False).
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return view(request, *args, **kwargs)

    return wrapped


def errors(field_errors, status=400):
    return JsonResponse({"errors": field_errors}, status=status)


def slot_json(slot):
    return {
        "id": slot.pk,
        "start": slot.start_at.isoformat(),
        "end": slot.end_at.isoformat(),
        "hall": str(slot.hall),
        "capacity": slot.capacity,
        "places_left": slot.places_left,
    }


def visit_json(visit):
    return {
        "code": visit.code,
        "status": visit.status,
        "status_display": visit.get_status_display(),
        "slot": slot_json(visit.slot),
        "organisation": visit.organisation,
        "group_type": visit.group_type,
        "group_size": visit.group_size,
        "decline_reason": visit.decline_reason,
        "guide": str(visit.guide) if visit.guide else None,
        "status_url": status_url(visit, get_language()),
        "created_at": visit.created_at.isoformat(),
    }


def _parse_date(value, field, problems):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        problems[field] = [_("Enter a date as YYYY-MM-DD.")]
        return None


@api_language
@require_GET
def slots(request):
    """Bookable slots between ``from`` and ``to`` (both included) with the places left."""
    first, last = booking_window()
    problems = {}
    date_from = _parse_date(request.GET["from"], "from", problems) if "from" in request.GET else first
    date_to = (
        _parse_date(request.GET["to"], "to", problems)
        if "to" in request.GET
        else (date_from or first) + datetime.timedelta(days=13)
    )
    if not problems:
        if date_to < date_from:
            problems["to"] = [_("The end date must not be before the start date.")]
        elif (date_to - date_from).days > MAX_RANGE_DAYS:
            problems["to"] = [_("Ask for at most %(n)d days at once.") % {"n": MAX_RANGE_DAYS}]
    if problems:
        return errors(problems)
    queryset = (
        Slot.objects.bookable()
        .filter(date__gte=date_from, date__lte=date_to)
        .with_places()
        .select_related("hall")
        .order_by("date", "start", "hall__name")
    )
    return JsonResponse({"results": [slot_json(slot) for slot in queryset if slot.places_left > 0]})


def _type_errors(payload):
    problems = {}
    for field in STRING_FIELDS:
        if field in payload and payload[field] is not None and not isinstance(payload[field], str):
            problems[field] = [_("Enter text.")]
    for field in INTEGER_FIELDS:
        value = payload.get(field)
        if field in payload and value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            problems[field] = [_("Enter a whole number.")]
    for field in BOOLEAN_FIELDS:
        if field in payload and not isinstance(payload[field], bool):
            problems[field] = [_("Enter true or false.")]
    roster = payload.get("roster")
    if roster is None:
        problems["roster"] = [_("List the names of the visitors.")]
    elif not isinstance(roster, list) or not all(isinstance(name, str) and "\n" not in name for name in roster):
        problems["roster"] = [_("Give the roster as a list of names.")]
    return problems


@csrf_exempt
@api_language
@require_http_methods(["POST"])
def create_request(request):
    """Ask for a visit.  Send an ``Idempotency-Key`` header so that a retry books once."""
    if len(request.body) > MAX_BODY_BYTES:
        return errors({"__all__": [_("The request is too large.")]}, status=413)
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return errors({"__all__": [_("Send a JSON object.")]})
    if not isinstance(payload, dict):
        return errors({"__all__": [_("Send a JSON object.")]})
    key = request.headers.get("Idempotency-Key", "").strip() or None
    if key and (len(key) > IDEMPOTENCY_KEY_MAX or not key.isprintable()):
        return errors({"Idempotency-Key": [_("Use a key of at most %(n)d characters.") % {"n": IDEMPOTENCY_KEY_MAX}]})
    problems = _type_errors(payload)
    if problems:
        return errors(problems)
    data = {k: v for k, v in payload.items() if k in STRING_FIELDS + INTEGER_FIELDS and v is not None}
    for field in BOOLEAN_FIELDS:
        if payload.get(field):
            data[field] = "on"
    if "needs_guided_tour" not in payload:
        data["needs_guided_tour"] = "on"
    data["roster"] = "\n".join(payload["roster"])
    form = VisitRequestForm(data)
    if not form.is_valid():
        return errors({field: [str(m) for m in messages] for field, messages in form.errors.items()})
    language = (
        payload.get("language") if payload.get("language") in ("zh-hans", "en") else (get_language() or "zh-hans")
    )
    try:
        visit, created = services.request_visit(
            form.cleaned_data["slot"].pk, form.details(language), idempotency_key=f"api:{key}" if key else None
        )
    except services.NotEnoughPlaces as error:
        return JsonResponse({"detail": error.message, "places_left": error.places_left}, status=409)
    except services.IdempotencyConflict as error:
        return JsonResponse({"detail": error.message}, status=422)
    except services.VisitError as error:
        return errors({error.field or "__all__": [error.message]})
    visit = VisitRequest.objects.select_related("slot__hall", "guide").get(pk=visit.pk)
    response = JsonResponse(visit_json(visit), status=201 if created else 200)
    if not created:
        response["Idempotent-Replayed"] = "true"
    return response


@api_language
@require_GET
def request_status(request, code):
    """The status of one request, by its booking code."""
    visit = VisitRequest.objects.select_related("slot__hall", "guide").filter(code=code.upper()).first()
    if visit is None:
        return JsonResponse({"detail": _("No request has this booking code.")}, status=404)
    return JsonResponse(visit_json(visit))
