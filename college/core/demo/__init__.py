"""Demo content of the site itself: locales, the home page and its sites.

The home page's texts are in ``home.toml`` beside this file; ``content``
holds the reader and schema checks every app's demo files use.
``seed_demo`` calls ``seed()`` here first, then the ``demo`` module of each
app in DEMO_MODULES.  Every seed function is idempotent: it looks things up
by a stable key (slug, email, code) and only creates what is missing.
"""

from pathlib import Path

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from ..models import CollegeSettings, HomePage
from . import content

HOME_FILE = Path(__file__).resolve().parent / "home.toml"
HOME_SCHEMA = content.Table(
    slug=content.Text(),
    title=content.Translated(content.Text()),
    kicker=content.Translated(content.Text()),
    intro=content.Translated(content.Html()),
    facts=content.Translated(content.Html()),
    search_description=content.Translated(content.Text()),
)


def load_home(path=HOME_FILE):
    """The home page's texts from ``home.toml``, checked (raises DemoContentError)."""
    return content.read(path, HOME_SCHEMA)


def _fields(data, language):
    return {name: value[language] for name, value in data.items() if isinstance(value, dict)}


def ensure_locales():
    zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return zh, en


def translate_page(page, locale, fields):
    """Return ``page``'s live translation into ``locale``, creating it once."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def ensure_tree_roots():
    """The page and collection roots Wagtail's migrations make (a flushed
    database, as in transactional tests, no longer has them)."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return root


@transaction.atomic
def seed(stdout=None, **options):
    texts = load_home()
    zh, en = ensure_locales()
    root = ensure_tree_roots()
    # Wagtail's initial migration makes a placeholder page ("Welcome to your
    # new Wagtail site!") in the default locale; it gives way to the home page.
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        for placeholder in Page.objects.filter(depth=2).not_type(HomePage):
            placeholder.delete()  # its Site goes with it and is made again below
        home = HomePage(locale=zh, slug=texts["slug"], **_fields(texts, "zh"))
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": texts["title"]["zh"]},
    )
    translate_page(home, en, _fields(texts, "en"))
    CollegeSettings.load()
    if stdout:
        stdout.write("  home page: zh-hans and en")
    return home
