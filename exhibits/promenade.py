"""The order of the promenade and what each page of the exhibition shows.

Everything here runs a fixed number of queries whatever the size of the
exhibition: one for the eras, one for the exhibits (light columns only), and
a few prefetches. URLs of exhibits are derived from the exhibition's URL and
each page's ``url_path``, so no page needs its own URL look-up.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _

from .dates import machine_date
from .models import EraPage, ExhibitionPage, ExhibitPage, Milestone, Theme

# Columns the promenade needs; the body and other heavy fields are not loaded.
LIGHT_EXHIBIT_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale_id",
    "date_start",
    "date_end",
    "date_precision",
    "summary",
    "featured",
    "place",
)
ERA_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale_id",
    "year_from",
    "year_to",
    "summary",
    "cover_image",
    "cover_alt",
    "cover_decorative",
)
FEATURED_LIMIT = 6


def _renditions_prefetch():
    return Prefetch("cover_image__renditions")


@dataclass
class Stop:
    """One exhibit on the promenade, with its place in the walk."""

    page: ExhibitPage
    url: str
    number: int  # 1-based position in the whole walk
    era: "Hall"
    number_in_era: int


@dataclass
class Hall:
    """One era with the exhibits (stops) that stand in it."""

    page: EraPage
    url: str
    number: int
    stops: list[Stop] = field(default_factory=list)


class Promenade:
    """The curated walk through one exhibition in one language."""

    def __init__(
        self,
        exhibition: ExhibitionPage,
        request: HttpRequest | None = None,
        *,
        with_era_images: bool = False,
        with_themes: bool = False,
    ) -> None:
        self.exhibition = exhibition
        self.base_url = exhibition.get_url(request) or exhibition.url_path
        eras = EraPage.objects.live().public().child_of(exhibition).order_by("path").only(*ERA_FIELDS)
        if with_era_images:
            eras = eras.select_related("cover_image").prefetch_related(_renditions_prefetch())
        exhibits = (
            ExhibitPage.objects.live().public().descendant_of(exhibition).order_by("path").only(*LIGHT_EXHIBIT_FIELDS)
        )
        if with_themes:
            exhibits = exhibits.prefetch_related("themes")
        self.halls = [Hall(page=era, url=self.url_for(era), number=n) for n, era in enumerate(eras, start=1)]
        halls_by_path = {hall.page.path: hall for hall in self.halls}
        self.stops: list[Stop] = []
        for exhibit in exhibits:
            # An exhibit under an unpublished era is not on the walk.
            hall = halls_by_path.get(exhibit.path[: -ExhibitPage.steplen])
            if hall is None:
                continue
            stop = Stop(
                page=exhibit,
                url=self.url_for(exhibit),
                number=len(self.stops) + 1,
                era=hall,
                number_in_era=len(hall.stops) + 1,
            )
            hall.stops.append(stop)
            self.stops.append(stop)
        self._stops_by_id = {stop.page.pk: stop for stop in self.stops}

    def url_for(self, page: Any) -> str:
        """The URL of a page below the exhibition, from its url_path."""
        return self.base_url + page.url_path[len(self.exhibition.url_path) :]

    @property
    def first(self) -> Stop | None:
        return self.stops[0] if self.stops else None

    def stop_for(self, page_id: int) -> Stop | None:
        return self._stops_by_id.get(page_id)

    def hall_for(self, era_id: int) -> Hall | None:
        return next((hall for hall in self.halls if hall.page.pk == era_id), None)

    def neighbours(self, stop: Stop) -> tuple[Stop | None, Stop | None]:
        """The previous and next stops of the walk (None at either end)."""
        index = stop.number - 1
        previous = self.stops[index - 1] if index > 0 else None
        following = self.stops[index + 1] if index + 1 < len(self.stops) else None
        return previous, following


def _hall_for_year(halls, year):
    """The era a dated event belongs to: the first whose years contain it."""
    for hall in halls:
        end = hall.page.year_to or date.today().year
        if hall.page.year_from <= year <= end:
            return hall
    earlier = [hall for hall in halls if hall.page.year_from <= year]
    return earlier[-1] if earlier else (halls[0] if halls else None)


def build_timeline(promenade: Promenade, milestones: list[Milestone], theme: Theme | None = None) -> list[dict]:
    """Timeline entries grouped by era, each group ordered by date.

    ``theme`` (a Theme or None) keeps only exhibits of that theme and the
    milestones that link to one of them.
    """
    stops_by_key = {stop.page.translation_key: stop for stop in promenade.stops}
    groups: dict[int, list[dict]] = {hall.page.pk: [] for hall in promenade.halls}
    for stop in promenade.stops:
        if theme is not None and theme.pk not in {t.pk for t in stop.page.themes.all()}:
            continue
        groups[stop.era.page.pk].append(
            {
                "kind": "exhibit",
                "sort": (stop.page.date_start, 1, stop.number),
                "date": stop.page.date_start,
                "datetime": machine_date(stop.page.date_start, stop.page.date_precision),
                "date_display": stop.page.date_display,
                "title": stop.page.title,
                "url": stop.url,
                "themes": list(stop.page.themes.all()),
            }
        )
    for order, milestone in enumerate(milestones):
        linked = stops_by_key.get(milestone.exhibit.translation_key) if milestone.exhibit_id else None
        if theme is not None and (linked is None or theme.pk not in {t.pk for t in linked.page.themes.all()}):
            continue
        hall = linked.era if linked else _hall_for_year(promenade.halls, milestone.date.year)
        if hall is None:
            continue
        groups[hall.page.pk].append(
            {
                "kind": "milestone",
                "sort": (milestone.date, 0, order),
                "date": milestone.date,
                "datetime": machine_date(milestone.date, milestone.date_precision),
                "date_display": milestone.date_display,
                "title": milestone.text,
                "url": linked.url if linked else "",
                "themes": [],
            }
        )
    timeline = []
    for hall in promenade.halls:
        entries = sorted(groups[hall.page.pk], key=lambda entry: entry["sort"])
        if entries:
            timeline.append({"hall": hall, "entries": entries})
    return timeline


def entrance_context(exhibition: ExhibitionPage, request: HttpRequest | None) -> dict[str, Any]:
    promenade = Promenade(exhibition, request, with_era_images=True, with_themes=True)
    themes = list(Theme.objects.all())
    theme = None
    theme_error = ""
    requested = (request.GET.get("theme") or "").strip() if request is not None else ""
    if requested:
        theme = next((t for t in themes if t.slug == requested), None)
        if theme is None:
            theme_error = _("There is no theme “%(theme)s”. Choose one from the list, or show all themes.") % {
                "theme": requested[:60]
            }
    milestones = list(exhibition.milestones.select_related("exhibit").order_by("date", "sort_order"))
    if theme_error:
        timeline = []
    else:
        timeline = build_timeline(promenade, milestones, theme)
    featured_stops = [stop for stop in promenade.stops if stop.page.featured][:FEATURED_LIMIT]
    featured_ids = [stop.page.pk for stop in featured_stops]
    featured = []
    if featured_ids:
        pages = (
            ExhibitPage.objects.filter(pk__in=featured_ids)
            .only(*LIGHT_EXHIBIT_FIELDS, "cover_image", "cover_alt", "cover_decorative")
            .select_related("cover_image")
            .prefetch_related(_renditions_prefetch())
        )
        by_id = {page.pk: page for page in pages}
        featured = [
            {"page": by_id[stop.page.pk], "url": stop.url, "stop": stop}
            for stop in featured_stops
            if stop.page.pk in by_id
        ]
    return {
        "promenade": promenade,
        "halls": promenade.halls,
        "first_stop": promenade.first,
        "timeline": timeline,
        "themes": themes,
        "selected_theme": theme,
        "requested_theme": requested,
        "theme_error": theme_error,
        "featured": featured,
        "entry_count": sum(len(group["entries"]) for group in timeline),
    }


def era_context(era: EraPage, request: HttpRequest | None) -> dict[str, Any]:
    exhibition = era.get_parent().specific
    promenade = Promenade(exhibition, request)
    hall = promenade.hall_for(era.pk)
    stop_ids = [stop.page.pk for stop in hall.stops] if hall else []
    pages = (
        ExhibitPage.objects.filter(pk__in=stop_ids)
        .only(*LIGHT_EXHIBIT_FIELDS, "cover_image", "cover_alt", "cover_decorative")
        .select_related("cover_image")
        .prefetch_related(_renditions_prefetch(), "themes")
    )
    by_id = {page.pk: page for page in pages}
    exhibits = [{"page": by_id[stop.page.pk], "stop": stop} for stop in (hall.stops if hall else [])]
    previous_hall = next_hall = None
    if hall is not None:
        index = hall.number - 1
        previous_hall = promenade.halls[index - 1] if index > 0 else None
        next_hall = promenade.halls[index + 1] if index + 1 < len(promenade.halls) else None
    return {
        "exhibition": exhibition,
        "exhibition_url": promenade.base_url,
        "promenade": promenade,
        "hall": hall,
        "hall_count": len(promenade.halls),
        "exhibits": exhibits,
        "previous_hall": previous_hall,
        "next_hall": next_hall,
    }


def exhibit_context(exhibit: ExhibitPage, request: HttpRequest | None) -> dict[str, Any]:
    era = exhibit.get_parent().specific
    exhibition = era.get_parent().specific
    promenade = Promenade(exhibition, request)
    stop = promenade.stop_for(exhibit.pk)
    previous = following = None
    if stop is not None:
        previous, following = promenade.neighbours(stop)
    hall = stop.era if stop else promenade.hall_for(era.pk)
    return {
        "exhibition": exhibition,
        "exhibition_url": promenade.base_url,
        "era": era,
        "era_url": promenade.url_for(era),
        "promenade": promenade,
        "stop": stop,
        "hall": hall,
        "hall_count": len(promenade.halls),
        "previous_stop": previous,
        "next_stop": following,
        "exhibit_themes": list(exhibit.themes.all()),
        "related_cases": _related_links(exhibit.related_cases.select_related("page")),
        "related_courses": _related_links(exhibit.related_courses.select_related("page")),
    }


def _related_links(links):
    """Live related pages, in the visitor's language when a translation exists."""
    result = []
    for link in links:
        page = link.page
        if page is None:
            continue
        localized = page.localized
        if not localized.live:
            continue
        result.append({"title": localized.title, "url": localized.get_url()})
    return result
