"""Builders for exhibitions of any size (fast: pages are made live without revisions)."""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from exhibits.models import EraPage, ExhibitionPage, ExhibitPage, Milestone, Theme


def make_image(title="Test image", size=(320, 180), colour=(166, 27, 27)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def make_theme(slug="mass-line", name="群众路线", name_en="The mass line", sort_order=0):
    theme, _ = Theme.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": sort_order}
    )
    return theme


def make_exhibition(home, *, slug="exhibition", title="枫桥经验陈列馆", cover=None, **fields):
    exhibition = ExhibitionPage(title=title, slug=slug, live=True, intro="<p>展览简介</p>", **fields)
    if cover is not None:
        exhibition.cover_image = cover
        exhibition.cover_alt = "展厅外景"
    home.add_child(instance=exhibition)
    return exhibition


def make_era(exhibition, number, *, year_from=None, year_to=None, cover=None, live=True):
    year_from = year_from or 1960 + number * 5
    era = EraPage(
        title=f"第{number}展厅",
        slug=f"era-{number}",
        live=live,
        year_from=year_from,
        year_to=year_to or year_from + 4,
        summary=f"第{number}个时期",
    )
    if cover is not None:
        era.cover_image = cover
        era.cover_alt = "时期封面"
    exhibition.add_child(instance=era)
    return era


def make_exhibit(era, number, *, themes=(), cover=None, live=True, featured=False, date=None, body=None, **fields):
    exhibit = ExhibitPage(
        title=fields.pop("title", f"{era.title}展品{number}"),
        slug=fields.pop("slug", f"{era.slug}-exhibit-{number}"),
        live=live,
        date_start=date or datetime.date(era.year_from, 1, 1),
        date_precision="year",
        summary="展品摘要",
        featured=featured,
        **fields,
    )
    if cover is not None:
        exhibit.cover_image = cover
        exhibit.cover_alt = "展品照片"
    if body is not None:
        exhibit.body = body
    era.add_child(instance=exhibit)
    if themes:
        exhibit.themes.set(themes)
        exhibit.save()
    return exhibit


def make_milestone(exhibition, text, date, *, precision="year", exhibit=None):
    return Milestone.objects.create(page=exhibition, text=text, date=date, date_precision=precision, exhibit=exhibit)


def build_exhibition(home, *, eras=3, exhibits_per_era=3, themes=(), cover=None, milestones=0, slug="exhibition"):
    """An exhibition with ``eras`` halls of ``exhibits_per_era`` exhibits each (all covered
    with ``cover`` when given, the first exhibit of each hall featured)."""
    exhibition = make_exhibition(home, cover=cover, slug=slug)
    era_pages, exhibits = [], []
    for era_number in range(1, eras + 1):
        era = make_era(exhibition, era_number, cover=cover)
        era_pages.append(era)
        for number in range(1, exhibits_per_era + 1):
            exhibits.append(make_exhibit(era, number, themes=themes, cover=cover, featured=number == 1))
    for number in range(milestones):
        era = era_pages[number % len(era_pages)]
        make_milestone(exhibition, f"大事{number}", datetime.date(era.year_from + 1, 1, 1))
    return exhibition, era_pages, exhibits
