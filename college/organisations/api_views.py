"""The organisations JSON APIs (docs/organisations.md, error format in docs/api.md).

- ``GET /api/organisations/units/?q=`` — active units whose name contains ``q`` (the unit
  picker at sign-up and in the profile asks it as the learner types); public, at most 20.
- ``GET /api/organisations/units/<code>/hours/?year=&page=`` — a unit's (and its sub-units')
  cadres with the year's hours, for the unit's HR system, with the unit's bearer token.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from college.core.jsonapi import ApiError, json_api
from college.core.params import LAST_YEAR, local_today

from . import reports, scoping, services
from .models import Unit

#: Cadres per page of the HR API.
HOURS_PAGE_SIZE = 500
FIRST_REPORT_YEAR = 2000


def _json(body, status=200):
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _unit_json(unit: Unit, language: str) -> dict:
    english = language.startswith("en")
    parents = getattr(unit, "parent_names_en" if english else "parent_names", [])
    return {
        "code": unit.code,
        "name": unit.name,
        "name_en": unit.name_en,
        "label": unit.name_for(language),
        "type": unit.unit_type,
        "type_label": str(unit.get_unit_type_display()),
        "parents": parents,
        "parents_label": " / ".join(parents),
    }


@json_api(methods=["GET"], csrf=False)
def unit_search(request):
    """Active units matching ``q`` (Chinese substring of the name, English name, code or other names)."""
    text = request.GET.get("q", "").strip()
    if not text:
        raise ApiError(_("Type part of the unit's name."), field="q")
    if len(text) > services.SEARCH_MAX_LENGTH:
        raise ApiError(_("Type at most %(max)d characters.") % {"max": services.SEARCH_MAX_LENGTH}, field="q")
    language = translation.get_language()
    units = services.search_units(text)
    return _json({"query": text, "results": [_unit_json(unit, language) for unit in units]})


def _bearer_token(request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _int_param(request, name: str, default: int, minimum: int, maximum: int, message: str) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ApiError(message, field=name) from None
    if not minimum <= value <= maximum:
        raise ApiError(message, field=name)
    return value


@json_api(methods=["GET"], csrf=False)
def unit_hours(request, code):
    """The year's hours of every cadre in the unit ``code`` and below, for the token's unit's HR system."""
    token = services.authenticate_api_token(_bearer_token(request))
    if token is None:
        raise ApiError(
            _("Send the unit's API token as “Authorization: Bearer <token>”."),
            status=401,
            code="auth",
            headers={"WWW-Authenticate": 'Bearer realm="organisations"'},
        )
    unit = Unit.objects.filter(code=services.normalise_code(code)).first()
    if unit is None:
        raise ApiError(_("No unit has this code."), status=404, code="not_found")
    if not scoping.token_may_read(token, unit):
        raise ApiError(_("This token is not valid for this unit."), status=403, code="forbidden")
    this_year = local_today().year
    year = _int_param(
        request,
        "year",
        this_year,
        FIRST_REPORT_YEAR,
        LAST_YEAR,
        _("Give the year as a number between %(first)d and %(last)d.")
        % {"first": FIRST_REPORT_YEAR, "last": LAST_YEAR},
    )
    page_number = _int_param(request, "page", 1, 1, 10**6, _("Give the page as a whole number from 1."))
    language = translation.get_language()

    cadres = reports.with_year_hours(scoping.cadres_within(unit).select_related("unit"), year).order_by(
        "unit__path", "real_name", "pk"
    )
    paginator = Paginator(cadres, HOURS_PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        raise ApiError(
            _("There are only %(pages)d pages.") % {"pages": paginator.num_pages},
            field="page",
            status=404,
            code="not_found",
        ) from None
    target, required_target = reports.targets()
    return _json(
        {
            "unit": {"code": unit.code, "name": unit.name, "name_en": unit.name_en, "label": unit.name_for(language)},
            "year": year,
            "target": str(target),
            "required_target": str(required_target),
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "cadres": [
                {
                    "id": cadre.pk,
                    "name": cadre.display_name,
                    "email": cadre.email,
                    "position": cadre.position,
                    "unit_code": cadre.unit.code,
                    "unit_name": cadre.unit.name_for(language),
                    "required": f"{cadre.required:.2f}",
                    "elective": f"{cadre.elective:.2f}",
                    "total": f"{cadre.total:.2f}",
                    "met": cadre.met,
                }
                for cadre in page.object_list
            ],
        }
    )
