"""Canonical pages: learner records point at the default-locale (zh-hans) copy of a course or lesson."""

from typing import TypeVar

from wagtail.models import Locale, Page

PageT = TypeVar("PageT", bound=Page)


def default_locale() -> Locale:
    """The site's default locale (zh-hans), where the canonical pages live."""
    return Locale.get_default()


def canonical_page(page: PageT) -> PageT:
    """The default-locale (zh-hans) copy of a course or lesson page: learner records point at it."""
    page = page.specific
    locale = default_locale()
    if page.locale_id == locale.id:
        return page
    translation = page.get_translation_or_none(locale)
    return translation.specific if translation is not None else page


def localized_page(page: PageT, language_code: str) -> PageT:
    """The copy of ``page`` in ``language_code`` when it exists and is live, else ``page``."""
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return page
    if page.locale_id == locale.id:
        return page
    translation = page.get_translation_or_none(locale)
    return translation.specific if translation is not None and translation.live else page


def _language(language: str | None) -> str:
    return "en" if (language or "").startswith("en") else "zh-hans"
