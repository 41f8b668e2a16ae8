"""The JSON API of visit booking (for the WeChat mini-program), described in
``openapi.py`` and served at /api/visits/openapi.json.

Errors have the site's one body (docs/api.md): ``{"code", "errors": {field: [messages]}}`` in the
request's language, e.g. 400 for bad input, 409 ``not_enough_places`` with ``places_left``,
422 ``idempotency_conflict``, 404 ``not_found``.  The mini-program calls without a session, so
the endpoints need no CSRF token (``csrf=False``).
"""

import datetime

from django.http import HttpRequest, JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from college.core.jsonapi import ApiError, error_response, form_errors, json_api, not_found, read_json_object
from college.core.params import parse_date

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


def slot_json(slot: Slot) -> dict:
    """A slot as the API shows it (times in ISO 8601 with +08:00)."""
    return {
        "id": slot.pk,
        "start": slot.start_at.isoformat(),
        "end": slot.end_at.isoformat(),
        "hall": str(slot.hall),
        "capacity": slot.capacity,
        "places_left": slot.places_left,
    }


def visit_json(visit: VisitRequest) -> dict:
    """A request as the API shows it (no phone, email or roster)."""
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


def _date(request: HttpRequest, field: str, problems: dict) -> datetime.date | None:
    day = parse_date(request.GET[field])
    if day is None:
        problems[field] = [_("Enter a date as YYYY-MM-DD.")]
    return day


@json_api(methods=["GET"])
def slots(request):
    """Bookable slots between ``from`` and ``to`` (both included) with the places left."""
    first, last = booking_window()
    problems = {}
    date_from = _date(request, "from", problems) if "from" in request.GET else first
    date_to = (
        _date(request, "to", problems) if "to" in request.GET else (date_from or first) + datetime.timedelta(days=13)
    )
    if not problems:
        if date_to < date_from:
            problems["to"] = [_("The end date must not be before the start date.")]
        elif (date_to - date_from).days > MAX_RANGE_DAYS:
            problems["to"] = [_("Ask for at most %(n)d days at once.") % {"n": MAX_RANGE_DAYS}]
    if problems:
        raise ApiError(errors=problems)
    queryset = (
        Slot.objects.bookable()
        .filter(date__gte=date_from, date__lte=date_to)
        .with_places()
        .select_related("hall")
        .order_by("date", "start", "hall__name")
    )
    return JsonResponse({"results": [slot_json(slot) for slot in queryset if slot.places_left > 0]})


def _type_errors(payload: dict) -> dict[str, list[str]]:
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


def _form_data(payload: dict) -> dict:
    """The JSON body as the data of the site's request form (which validates both)."""
    data = {k: v for k, v in payload.items() if k in STRING_FIELDS + INTEGER_FIELDS and v is not None}
    for field in BOOLEAN_FIELDS:
        if payload.get(field):
            data[field] = "on"
    if "needs_guided_tour" not in payload:
        data["needs_guided_tour"] = "on"
    data["roster"] = "\n".join(payload["roster"])
    return data


@json_api(methods=["POST"], csrf=False)
def create_request(request):
    """Ask for a visit.  Send an ``Idempotency-Key`` header so that a retry books once."""
    payload = read_json_object(request, max_bytes=MAX_BODY_BYTES)
    key = request.headers.get("Idempotency-Key", "").strip() or None
    if key and (len(key) > IDEMPOTENCY_KEY_MAX or not key.isprintable()):
        raise ApiError(
            _("Use a key of at most %(n)d characters.") % {"n": IDEMPOTENCY_KEY_MAX}, field="Idempotency-Key"
        )
    problems = _type_errors(payload)
    if problems:
        raise ApiError(errors=problems)
    form = VisitRequestForm(_form_data(payload))
    if not form.is_valid():
        raise ApiError(errors=form_errors(form))
    language = payload.get("language") if payload.get("language") in ("zh-hans", "en") else request.LANGUAGE_CODE
    try:
        visit, created = services.request_visit(
            form.cleaned_data["slot"].pk, form.details(language), idempotency_key=f"api:{key}" if key else None
        )
    except services.NotEnoughPlaces as error:
        return error_response({"slot": [error.message]}, status=409, code=error.code, places_left=error.places_left)
    except services.IdempotencyConflict as error:
        return error_response({"Idempotency-Key": [error.message]}, status=422, code=error.code)
    except services.VisitError as error:
        return error_response({error.field or "__all__": [error.message]}, code=error.code)
    visit = VisitRequest.objects.select_related("slot__hall", "guide").get(pk=visit.pk)
    response = JsonResponse(visit_json(visit), status=201 if created else 200)
    if not created:
        response["Idempotent-Replayed"] = "true"
    return response


@json_api(methods=["GET"])
def request_status(request, code):
    """The status of one request, by its booking code."""
    visit = VisitRequest.objects.select_related("slot__hall", "guide").filter(code=code.upper()).first()
    if visit is None:
        return not_found(_("No request has this booking code."), field="code")
    return JsonResponse(visit_json(visit))
