"""Factories for exhibitions of any size (fast: pages are made live without revisions)."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Collection

from exhibits.models import EraPage, ExhibitionPage, ExhibitPage, Milestone, Theme


class ImageFactory(wagtail_factories.ImageFactory):
    """A JPEG in the root collection (``file__width``/``file__height``/``file__color`` to change it)."""

    title = "Test image"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=320, height=180, color=(166, 27, 27), format="JPEG", filename="test.jpg")


class ThemeFactory(factory.django.DjangoModelFactory):
    """A theme of the exhibition (the one with that slug, if it exists)."""

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = "mass-line"
    name = "群众路线"
    name_en = "The mass line"
    sort_order = 0


class ExhibitionPageFactory(wagtail_factories.PageFactory):
    """A live exhibition under ``parent`` (the home page); ``cover`` gives it a cover image with alt text."""

    class Meta:
        model = ExhibitionPage

    class Params:
        cover = None

    title = "枫桥经验陈列馆"
    slug = "exhibition"
    live = True
    intro = "<p>展览简介</p>"
    cover_image = factory.SelfAttribute("cover")
    cover_alt = factory.LazyAttribute(lambda o: "展厅外景" if o.cover is not None else "")


class EraPageFactory(wagtail_factories.PageFactory):
    """Hall ``number`` of the exhibition ``parent``: five years from 1960 + 5 × number."""

    class Meta:
        model = EraPage

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        cover = None

    title = factory.LazyAttribute(lambda o: f"第{o.number}展厅")
    slug = factory.LazyAttribute(lambda o: f"era-{o.number}")
    live = True
    year_from = factory.LazyAttribute(lambda o: 1960 + o.number * 5)
    year_to = factory.LazyAttribute(lambda o: o.year_from + 4)
    summary = factory.LazyAttribute(lambda o: f"第{o.number}个时期")
    cover_image = factory.SelfAttribute("cover")
    cover_alt = factory.LazyAttribute(lambda o: "时期封面" if o.cover is not None else "")


class ExhibitPageFactory(wagtail_factories.PageFactory):
    """Exhibit ``number`` of the era ``parent``, dated in the era's first year; ``themes`` to tag it."""

    class Meta:
        model = ExhibitPage
        skip_postgeneration_save = True

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        cover = None

    title = factory.LazyAttribute(lambda o: f"{o.parent.title}展品{o.number}")
    slug = factory.LazyAttribute(lambda o: f"{o.parent.slug}-exhibit-{o.number}")
    live = True
    date_start = factory.LazyAttribute(lambda o: datetime.date(o.parent.year_from, 1, 1))
    date_precision = "year"
    summary = "展品摘要"
    featured = False
    cover_image = factory.SelfAttribute("cover")
    cover_alt = factory.LazyAttribute(lambda o: "展品照片" if o.cover is not None else "")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)
            obj.save()


class MilestoneFactory(factory.django.DjangoModelFactory):
    """An event on the exhibition ``page``'s timeline."""

    class Meta:
        model = Milestone

    text = factory.Sequence(lambda n: f"大事{n}")
    date = datetime.date(1963, 1, 1)
    date_precision = "year"


# A helper, not a factory: a whole exhibition is three levels of pages whose numbering and
# featured flags depend on their place, and the tests want the pages of every level back.
def build_exhibition(home, *, eras=3, exhibits_per_era=3, themes=(), cover=None, milestones=0, slug="exhibition"):
    """An exhibition with ``eras`` halls of ``exhibits_per_era`` exhibits each (all covered
    with ``cover`` when given, the first exhibit of each hall featured)."""
    exhibition = ExhibitionPageFactory(parent=home, cover=cover, slug=slug)
    era_pages, exhibits = [], []
    for era_number in range(1, eras + 1):
        era = EraPageFactory(parent=exhibition, number=era_number, cover=cover)
        era_pages.append(era)
        for number in range(1, exhibits_per_era + 1):
            exhibits.append(
                ExhibitPageFactory(parent=era, number=number, themes=themes, cover=cover, featured=number == 1)
            )
    for number in range(milestones):
        era = era_pages[number % len(era_pages)]
        MilestoneFactory(page=exhibition, text=f"大事{number}", date=datetime.date(era.year_from + 1, 1, 1))
    return exhibition, era_pages, exhibits
