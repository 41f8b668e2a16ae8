from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language that keeps the visitor on the same page.

    On a Wagtail page the link goes to that page's translation (or, when it
    has none yet, the home page of that language); on any other view it is
    the same URL under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for tr in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[tr.locale.language_code] = tr
    for code, name in settings.LANGUAGES:
        url = None
        if translations:
            target = translations.get(code)
            if target is None:
                home = context.get("home_page")
                if home is not None:
                    target = home.get_translation_or_none(Locale.objects.filter(language_code=code).first())
            if target is not None:
                with translation.override(code):
                    url = target.get_url(request)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url or "/", "current": code == current})
    return links


@register.filter
def is_within(page, section):
    """True when ``page`` is ``section`` or lies below it in the page tree."""
    if not isinstance(page, Page) or not isinstance(section, Page):
        return False
    return page.path.startswith(section.path)
