"""Searching exhibits, narrowed by era and theme."""

from wagtail.models import Locale

from .models import EraPage, ExhibitionPage, ExhibitPage


def exhibit_search(query, *, era=None, theme=None, locale=None):
    """Live exhibits of one language matching ``query`` (all when empty), in promenade order
    when no words are given, by relevance otherwise."""
    locale = locale or Locale.get_active()
    exhibits = ExhibitPage.objects.live().public().filter(locale=locale)
    if era is not None:
        exhibits = exhibits.descendant_of(era)
    if theme is not None:
        exhibits = exhibits.filter(themes=theme)
    if not query:
        return exhibits.order_by("path")
    # Search backends filter on indexed fields only: narrow by id first.
    ids = list(exhibits.values_list("pk", flat=True))
    return ExhibitPage.objects.live().filter(pk__in=ids).search(query)


def eras_for_search(locale=None):
    locale = locale or Locale.get_active()
    return list(
        EraPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("path")
        .only("id", "title", "slug", "path", "depth")
    )


def exhibition_for(locale=None):
    locale = locale or Locale.get_active()
    return ExhibitionPage.objects.live().public().filter(locale=locale).order_by("path").first()
