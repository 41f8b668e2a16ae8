"""Demo content of the site itself: locales, the home page and its sites.

``seed_demo`` calls ``seed()`` here first, then the ``demo`` module of each
app in DEMO_MODULES.  Every seed function is idempotent: it looks things up
by a stable key (slug, email, code) and only creates what is missing.
"""

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import CollegeSettings, HomePage

HOME_ZH = {
    "title": "绍兴枫桥学院",
    "slug": "home",
    "kicker": "坚持和发展新时代“枫桥经验”",
    "intro": (
        "<p>绍兴枫桥学院是培训政法干部、传播“枫桥经验”的专门院校。“枫桥经验”诞生于1963年的诸暨枫桥，"
        "核心是发动和依靠群众，坚持矛盾不上交，就地化解。</p>"
        "<p>在这里，您可以在线参观展览、学习课程、查阅典型案例，或为考察学习团组预约参观。</p>"
    ),
    "facts": "<ul><li>每年接待考察 <b>10万余人次</b></li><li>每年培训干部 <b>1.5万人次</b></li><li>展陈“枫桥经验” <b>58年</b> 发展历程</li></ul>",
    "search_description": "绍兴枫桥学院官方网站：在线展览、干部网络课程、典型案例库和考察参观预约。",
}
HOME_EN = {
    "title": "Shaoxing Fengqiao College",
    "kicker": "Upholding and developing the Fengqiao Experience for a new era",
    "intro": (
        "<p>Shaoxing Fengqiao College trains political-legal cadres in the Fengqiao Experience, born in "
        "Fengqiao, Zhuji in 1963: mobilise and rely on the people, do not pass disputes upward, and resolve "
        "them where they arise.</p>"
        "<p>Here you can walk the exhibition online, take courses, read typical cases, or book a visit for "
        "an inspection or study group.</p>"
    ),
    "facts": "<ul><li><b>100,000+</b> visitors received each year</li><li><b>15,000</b> cadres trained each year</li><li><b>58 years</b> of history on show</li></ul>",
    "search_description": "Official site of Shaoxing Fengqiao College: online exhibition, courses for cadres, typical cases and group visit booking.",
}


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
    zh, en = ensure_locales()
    root = ensure_tree_roots()
    # Wagtail's initial migration makes a placeholder page ("Welcome to your
    # new Wagtail site!") in the default locale; it gives way to the home page.
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        for placeholder in Page.objects.filter(depth=2).not_type(HomePage):
            placeholder.delete()  # its Site goes with it and is made again below
        home = HomePage(locale=zh, **HOME_ZH)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": HOME_ZH["title"]},
    )
    translate_page(home, en, HOME_EN)
    CollegeSettings.load()
    if stdout:
        stdout.write("  home page: zh-hans and en")
    return home
