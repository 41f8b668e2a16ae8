"""The JSON API of lesson pages (``lesson.js``): viewings and heartbeats of study time.

The server decides what counts as study time (``services.heartbeat``); this module only reads
and checks the bodies.  Errors have the site's one body (docs/api.md): 400 ``invalid`` or a
rule's code (``locked``, ``not_enrolled``…), 403 ``auth``/``csrf``, 404 ``not_found``,
405 ``method``, 409 ``superseded`` (another tab took over), 413 ``too_large``.
Pages send Django's CSRF token (``csrf=True``) and the page's language in ``X-Language``.
"""

import math

from django.http import JsonResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from college.core.jsonapi import ApiError, json_api, read_json_object

from . import services
from .models import LessonPage, LessonProgress

MAX_BODY_BYTES = 4096


def _signed_in_body(request) -> dict:
    """The JSON body of a signed-in learner's request; ApiError (403 ``auth``) otherwise."""
    if not request.user.is_authenticated:
        raise ApiError(_("Sign in to study."), status=403, code="auth")
    return read_json_object(request, max_bytes=MAX_BODY_BYTES)


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if math.isnan(value) or math.isinf(value):
        return None
    return float(value)


@json_api(methods=["POST"])
def api_start_viewing(request):
    """POST {lesson: id} → a new viewing token, the resume position and the heartbeat interval."""
    data = _signed_in_body(request)
    lesson_id = data.get("lesson")
    if isinstance(lesson_id, bool) or not isinstance(lesson_id, int):
        raise ApiError(_("Give the lesson's id."), field="lesson")
    page = Page.objects.filter(pk=lesson_id).first()
    page = page.specific if page else None
    if not isinstance(page, LessonPage) or not page.live:
        raise ApiError(_("This lesson does not exist."), field="lesson", status=404, code="not_found")
    try:
        viewing = services.start_viewing(request.user, page)
    except services.CourseError as error:
        raise ApiError(str(error.message), field="lesson", code=error.code) from None
    record = LessonProgress.objects.get(user=request.user, lesson=viewing.lesson)
    return JsonResponse(
        {
            "token": viewing.token,
            "position": viewing.last_position,
            "interval": services.heartbeat_interval(),
            "status": record.status,
            "study_seconds": round(record.study_seconds, 3),
            "covered_seconds": round(record.covered_seconds, 3),
        }
    )


@json_api(methods=["POST"])
def api_heartbeat(request):
    """POST {token, seq, state, position, seeked_from?} → what the server credited."""
    data = _signed_in_body(request)
    errors = {}
    token = data.get("token")
    if not isinstance(token, str) or not 10 <= len(token) <= 64:
        errors["token"] = [_("The viewing token is missing or malformed.")]
    seq = data.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= 10_000_000:
        errors["seq"] = [_("The sequence number must be a positive whole number.")]
    state = data.get("state")
    if state not in ("playing", "paused", "hidden"):
        errors["state"] = [_("The state must be playing, paused or hidden.")]
    position = _number(data.get("position", 0))
    if position is None:
        errors["position"] = [_("The position must be a number of seconds.")]
    seeked_from = data.get("seeked_from")
    if seeked_from is not None:
        seeked_from = _number(seeked_from)
        if seeked_from is None:
            errors["seeked_from"] = [_("The position must be a number of seconds.")]
    if errors:
        raise ApiError(errors=errors)
    try:
        result = services.heartbeat(
            request.user, token, seq, state, position, seeked_from=seeked_from, language=request.LANGUAGE_CODE
        )
    except services.HeartbeatRefused as error:
        status = 409 if error.code == "superseded" else 400
        raise ApiError(str(error.message), status=status, code=error.code) from None
    return JsonResponse(dict(result))


@json_api(methods=["POST"])
def api_end_viewing(request):
    """POST {token} → the viewing is closed (sent when the page is left)."""
    data = _signed_in_body(request)
    token = data.get("token")
    if not isinstance(token, str):
        raise ApiError(_("The viewing token is missing or malformed."), field="token")
    services.end_viewing(request.user, token)
    return JsonResponse({"ended": True})
