"""JSON for other front ends: the promenade in walking order."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from college.core.jsonapi import ApiError, json_api, not_found

from .models import ExhibitionPage
from .promenade import Promenade

LANGUAGES = {code for code, _name in settings.LANGUAGES}


@json_api(methods=["GET"])
def promenade(request):
    """GET /api/exhibits/promenade/?locale=zh-hans|en: halls and exhibits in walking order.

    The ``locale`` asked for is the language of the answer, errors included; an unknown one is
    refused in the request's language.  Errors have the site's one body (docs/api.md).
    """
    code = request.GET.get("locale") or settings.LANGUAGE_CODE
    if code not in LANGUAGES:
        raise ApiError(_("Unknown language “%(code)s”: use zh-hans or en.") % {"code": code[:20]}, field="locale")
    with translation.override(code):
        locale = Locale.objects.filter(language_code=code).first()
        exhibition = ExhibitionPage.objects.live().public().filter(locale=locale).order_by("path").first()
        if exhibition is None:
            return not_found(_("There is no exhibition in this language yet."), field="locale")
        walk = Promenade(exhibition, request)
        stops = []
        for stop in walk.stops:
            previous, following = walk.neighbours(stop)
            stops.append(
                {
                    "id": stop.page.pk,
                    "title": stop.page.title,
                    "url": stop.url,
                    "date": stop.page.date_machine,
                    "date_display": stop.page.date_display,
                    "hall": stop.era.number,
                    "number_in_hall": stop.number_in_era,
                    "previous_id": previous.page.pk if previous else None,
                    "next_id": following.page.pk if following else None,
                }
            )
        return JsonResponse(
            {
                "exhibition": {"id": exhibition.pk, "title": exhibition.title, "url": walk.base_url},
                "halls": [
                    {
                        "id": hall.page.pk,
                        "number": hall.number,
                        "title": hall.page.title,
                        "url": hall.url,
                        "year_from": hall.page.year_from,
                        "year_to": hall.page.year_to,
                        "exhibit_ids": [stop.page.pk for stop in hall.stops],
                    }
                    for hall in walk.halls
                ],
                "exhibits": stops,
            }
        )
