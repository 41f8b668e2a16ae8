"""Demo content: the Fengqiao Experience exhibition in zh-hans and en.

The texts are data: ``exhibition.toml`` (entrance, themes, showcase blocks,
chronology) and ``eras/<slug>.toml`` (each hall and its exhibits), read and
checked by ``content.load_content()``.  Idempotent: pages are looked up by
slug, images and documents by title, themes by slug; a second run changes
nothing.  Posters and the chronology PDF are drawn with Pillow (``images``);
the short video and its captions are committed files in ``media/`` (made by
``media/make_video.py``).
"""

from contextlib import contextmanager
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import EraPage, ExhibitionPage, ExhibitPage, Milestone, Theme
from .content import load_content
from .images import chronology_pdf, poster

MEDIA_DIR = Path(__file__).resolve().parent / "media"


def _image(title, make_bytes, filename):
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return Image.objects.create(title=title, file=ContentFile(make_bytes(), name=filename))


def _document(title, make_bytes, filename):
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = make_bytes()
    return Document.objects.create(title=title, file=ContentFile(content, name=filename), file_size=len(content))


def _year_label(exhibit):
    if exhibit["precision"] == "decade":
        return f"{exhibit['date'].year}s"
    start, end = exhibit["date"].year, (exhibit["end"] or exhibit["date"]).year
    return str(start) if start == end else f"{start}–{end}"


def _publish(page):
    page.save_revision().publish()
    return page


def _child(parent, model, slug, **fields):
    """The live child of ``parent`` with ``slug``, created and published once."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return _publish(page), True


def _alt(texts, language, exhibit_or_era, label):
    return texts["poster_alt"][language].format(label=label, title=exhibit_or_era["title"][language])


def _body(texts, data, language, media):
    body = [{"type": "text", "value": data["body"][language]}]
    figure = data["figure"]
    if figure:
        body.append({"type": "key_figure", "value": {"number": figure["number"], "label": figure["label"][language]}})
    if data["slug"] == texts["showcase"]["exhibit"]:
        body += _showcase_blocks(texts["showcase"], language, media)
    return body


def _showcase_blocks(showcase, language, media):
    zh = language != "en"
    quote, figure, video, gallery, document = (
        showcase[name] for name in ("quote", "figure", "video", "gallery", "document")
    )
    return [
        {"type": "quote", "value": {"quote": quote["text"][language], "source": quote["source"][language]}},
        {"type": "key_figure", "value": {"number": figure["number"], "label": figure["label"][language]}},
        {
            "type": "video",
            "value": {
                "title": video["title"][language],
                "video": media["video"].pk,
                "poster": media["video_poster"].pk,
                "captions": media["captions_zh" if zh else "captions_en"].pk,
                "captions_kind": "captions" if zh else "subtitles",
                "captions_language": "zh-hans" if zh else "en",
                "transcript": video["transcript"][language],
            },
        },
        {
            "type": "gallery",
            "value": {
                "title": gallery["title"][language],
                "images": [
                    {
                        "image": image.pk,
                        "alt_text": texts["alt_text"][language],
                        "decorative": False,
                        "caption": texts["caption"][language],
                        "credit": texts["credit"][language],
                    }
                    for image, texts in zip(media["gallery"], gallery["image"], strict=True)
                ],
            },
        },
        {
            "type": "document",
            "value": {
                "title": document["title"][language],
                "document": media["chronology"].pk,
                "preview": media["chronology_preview"].pk,
                "description": document["description"][language],
            },
        },
    ]


def _media(texts):
    """The video, captions, chronology PDF and gallery posters (made once)."""
    chronology_lines = [f"{milestone['date'].year}  {milestone['text']['zh']}" for milestone in texts["milestones"]]
    pdf_and_preview = {}
    showcase = texts["showcase"]

    def pdf_part(index):
        if not pdf_and_preview:
            pdf_and_preview["parts"] = chronology_pdf(showcase["document"]["title"]["zh"], chronology_lines)
        return pdf_and_preview["parts"][index]

    return {
        "video": _document(
            "Demo video: 58 years of the Fengqiao Experience",
            lambda: (MEDIA_DIR / "fengqiao-timeline.mp4").read_bytes(),
            "fengqiao-timeline.mp4",
        ),
        "captions_zh": _document(
            "Demo captions (zh-hans): 58 years of the Fengqiao Experience",
            lambda: (MEDIA_DIR / "fengqiao-timeline.zh-hans.vtt").read_bytes(),
            "fengqiao-timeline.zh-hans.vtt",
        ),
        "captions_en": _document(
            "Demo captions (en): 58 years of the Fengqiao Experience",
            lambda: (MEDIA_DIR / "fengqiao-timeline.en.vtt").read_bytes(),
            "fengqiao-timeline.en.vtt",
        ),
        "video_poster": _image(
            "Demo video poster",
            lambda: (MEDIA_DIR / "fengqiao-timeline-poster.png").read_bytes(),
            "fengqiao-timeline-poster.png",
        ),
        "chronology": _document(
            "Chronology of the Fengqiao Experience (PDF)", lambda: pdf_part(0), "fengqiao-chronology.pdf"
        ),
        "chronology_preview": _image("Chronology preview", lambda: pdf_part(1), "fengqiao-chronology-preview.jpg"),
        "gallery": [
            _image(
                f"Gallery poster {image['year']}",
                lambda image=image, number=number: poster(
                    image["year"], image["poster"]["zh"], image["poster"]["en"], image["colour"], number
                ),
                f"gallery-{image['year']}.jpg",
            )
            for number, image in enumerate(showcase["gallery"]["image"], start=1)
        ],
    }


PAGE_MODELS = (ExhibitionPage, EraPage, ExhibitPage)


@contextmanager
def _indexing_once():
    """Index each seeded page once at the end instead of on each of its saves.

    Seeding saves every page several times (create, revision, publish,
    translation); updating the search and reference indexes on each save made
    the seed several times slower.
    """
    for model in PAGE_MODELS:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in PAGE_MODELS:
            post_save.connect(post_save_signal_handler, sender=model)


def _index(pages):
    for page in pages:
        search_index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)


@transaction.atomic
def seed(stdout=None, **options):
    texts = load_content()
    pages_before = Page.objects.count()
    with _indexing_once():
        exhibition = _seed(texts)
    if Page.objects.count() != pages_before:
        _index(Page.objects.type(*PAGE_MODELS).specific())
    if stdout:
        eras = texts["eras"]
        stdout.write(
            f"  exhibition: {len(eras)} eras, {sum(len(era['exhibits']) for era in eras)} exhibits, "
            f"{len(texts['milestones'])} milestones (zh-hans and en)"
        )
    return exhibition


def _page_texts(data, language, *names):
    return {name: data[name][language] for name in names}


def _seed(texts):
    from college.core.demo import translate_page
    from college.core.models import HomePage

    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=zh)

    themes = {}
    for order, theme in enumerate(texts["themes"], start=1):
        themes[theme["slug"]], _ = Theme.objects.get_or_create(
            slug=theme["slug"],
            defaults={"name": theme["name"]["zh"], "name_en": theme["name"]["en"], "sort_order": order},
        )

    media = _media(texts)
    page_texts = texts["exhibition"]
    page_fields = ("title", "intro", "visit_note", "search_description", "cover_alt")
    cover = _image(
        "Exhibition poster",
        lambda: poster(
            page_texts["poster"]["label"],
            page_texts["title"]["zh"],
            page_texts["title"]["en"],
            page_texts["poster"]["colour"],
            0,
        ),
        "exhibition-poster.jpg",
    )
    exhibition, created = _child(
        home,
        ExhibitionPage,
        page_texts["slug"],
        locale=zh,
        show_in_menus=True,
        cover_image=cover,
        **_page_texts(page_texts, "zh", *page_fields),
    )

    exhibits_by_slug = {}
    era_pages = []
    seed_number = 0
    for era_data in texts["eras"]:
        year_from, year_to = era_data["year_from"], era_data["year_to"]
        label = str(year_from) if year_from == year_to else f"{year_from}–{year_to}"
        era_cover = _image(
            f"Era poster: {era_data['slug']}",
            lambda d=era_data, label=label: poster(
                label, d["title"]["zh"], d["title"]["en"], d["colour"], len(d["slug"])
            ),
            f"era-{era_data['slug']}.jpg",
        )
        era, _ = _child(
            exhibition,
            EraPage,
            era_data["slug"],
            locale=zh,
            year_from=year_from,
            year_to=year_to,
            cover_image=era_cover,
            cover_alt=_alt(texts, "zh", era_data, label),
            **_page_texts(era_data, "zh", "title", "summary", "intro"),
        )
        era_pages.append((era, era_data, label))
        for data in era_data["exhibits"]:
            seed_number += 1
            year_label = _year_label(data)
            exhibit_cover = _image(
                f"Exhibit poster: {data['slug']}",
                lambda d=data, y=year_label, c=era_data["colour"], n=seed_number: poster(
                    y, d["title"]["zh"], d["title"]["en"], c, n
                ),
                f"exhibit-{data['slug']}.jpg",
            )
            exhibit = ExhibitPage.objects.child_of(era).filter(slug=data["slug"]).first()
            if exhibit is None:
                exhibit = ExhibitPage(
                    slug=data["slug"],
                    locale=zh,
                    title=data["title"]["zh"],
                    summary=data["summary"]["zh"],
                    search_description=data["summary"]["zh"],
                    date_start=data["date"],
                    date_end=data["end"],
                    date_precision=data["precision"],
                    place=data["place"]["zh"],
                    featured=data["featured"],
                    cover_image=exhibit_cover,
                    cover_alt=_alt(texts, "zh", data, year_label),
                    body=_body(texts, data, "zh", media),
                )
                era.add_child(instance=exhibit)
                exhibit.themes.set([themes[slug] for slug in data["themes"]])
                _publish(exhibit)
            exhibits_by_slug[data["slug"]] = (exhibit, data, year_label)

    if not exhibition.milestones.exists():
        for order, milestone in enumerate(texts["milestones"]):
            slug = milestone["exhibit"]
            Milestone.objects.create(
                page=exhibition,
                sort_order=order,
                date=milestone["date"],
                date_precision=milestone["precision"],
                text=milestone["text"]["zh"],
                exhibit=exhibits_by_slug[slug][0] if slug else None,
            )
        _publish(ExhibitionPage.objects.get(pk=exhibition.pk))

    # English: the exhibition (with its milestones), then each era and exhibit.
    exhibition_en = exhibition.get_translation_or_none(en)
    if exhibition_en is None:
        exhibition_en = translate_page(exhibition, en, _page_texts(page_texts, "en", *page_fields))
        english = {order: milestone["text"]["en"] for order, milestone in enumerate(texts["milestones"])}
        milestones = list(exhibition_en.milestones.all())
        for milestone in milestones:
            milestone.text = english.get(milestone.sort_order, milestone.text)
        exhibition_en.milestones = milestones
        exhibition_en.save_revision().publish()
    for era, era_data, label in era_pages:
        translate_page(
            era,
            en,
            {
                **_page_texts(era_data, "en", "title", "summary", "intro"),
                "cover_alt": _alt(texts, "en", era_data, label),
            },
        )
    for exhibit, data, year_label in exhibits_by_slug.values():
        translate_page(
            exhibit,
            en,
            {
                "title": data["title"]["en"],
                "summary": data["summary"]["en"],
                "search_description": data["summary"]["en"],
                "place": data["place"]["en"],
                "cover_alt": _alt(texts, "en", data, year_label),
                "body": _body(texts, data, "en", media),
            },
        )
    return exhibition
