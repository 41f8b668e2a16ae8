"""Demo content: the Fengqiao Experience exhibition in zh-hans and en.

Idempotent: pages are looked up by slug, images and documents by title,
themes by slug; a second run changes nothing.  Posters and the chronology PDF
are drawn with Pillow; the short video and its captions are committed files
in exhibits/demo_media/ (made by make_video.py there).
"""

import datetime
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

from .demo_content import ERAS, EXHIBITION, MILESTONES, SHOWCASE_EXHIBIT, THEMES
from .demo_images import chronology_pdf, poster
from .models import EraPage, ExhibitionPage, ExhibitPage, Milestone, Theme

MEDIA_DIR = Path(__file__).resolve().parent / "demo_media"


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
        return f"{exhibit['date'][0]}s"
    start, end = exhibit["date"][0], (exhibit["end"] or exhibit["date"])[0]
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


def _alt(language, exhibit_or_era, label):
    title = exhibit_or_era[language]["title"]
    if language == "en":
        return f"Poster: {label}, “{title}”, with a stone bridge and maple leaves"
    return f"海报：{label}，“{title}”，画面上有石桥和枫叶"


def _body(data, language, media):
    text = data[language]
    body = [{"type": "text", "value": text["body"]}]
    if "figure" in text:
        number, label = text["figure"]
        body.append({"type": "key_figure", "value": {"number": number, "label": label}})
    if data["slug"] == SHOWCASE_EXHIBIT:
        body += _showcase_blocks(language, media)
    return body


def _showcase_blocks(language, media):
    zh = language != "en"
    return [
        {
            "type": "quote",
            "value": {
                "quote": "把“枫桥经验”坚持好、发展好，把党的群众路线坚持好、贯彻好。"
                if zh
                else "Uphold and develop the Fengqiao Experience well; uphold and carry out the Party's mass line well.",
                "source": "习近平总书记重要指示，2013年10月9日" if zh else "Xi Jinping, instruction of 9 October 2013",
            },
        },
        {
            "type": "key_figure",
            "value": {"number": "60+", "label": "次指示批示" if zh else "instructions on the Fengqiao Experience"},
        },
        {
            "type": "video",
            "value": {
                "title": "短片：“枫桥经验”58年" if zh else "Short film: 58 years of the Fengqiao Experience",
                "video": media["video"].pk,
                "poster": media["video_poster"].pk,
                "captions": media["captions_zh" if zh else "captions_en"].pk,
                "captions_kind": "captions" if zh else "subtitles",
                "captions_language": "zh-hans" if zh else "en",
                "transcript": (
                    "<p>1963年，诸暨枫桥的干部群众创造了“枫桥经验”。改革开放之初，枫桥率先为改造好的“四类分子”摘帽。"
                    "市场经济大潮中，枫桥探索打防教管和“四前工作法”。进入新世纪，“平安枫桥”建设推出“四先四早”机制。"
                    "2013年10月9日，习近平总书记要求把“枫桥经验”坚持好、发展好。2021年，绍兴打造新时代“枫桥经验”市域升级版。</p>"
                    "<p>（短片无旁白，画面文字与字幕相同。）</p>"
                )
                if zh
                else (
                    "<p>1963: cadres and villagers of Fengqiao, Zhuji, create the Fengqiao Experience. After 1978, Fengqiao "
                    "is the first to lift the labels of reformed “four types of elements”. In the market economy it develops "
                    "comprehensive management and the “four pre-” method. In the 2000s, “Safe Fengqiao” brings the "
                    "“four firsts, four earlies” mechanism. On 9 October 2013 Xi Jinping asks that the experience be upheld "
                    "and developed. In 2021 Shaoxing builds a city-level upgrade of the new-era Fengqiao Experience.</p>"
                    "<p>(The film has no narration; its on-screen text matches the subtitles.)</p>"
                ),
            },
        },
        {
            "type": "gallery",
            "value": {
                "title": "两个时代" if zh else "Two eras",
                "images": [
                    {
                        "image": media["gallery"][0].pk,
                        "alt_text": "海报：1963年，“枫桥经验诞生”"
                        if zh
                        else "Poster: 1963, “The Fengqiao Experience is born”",
                        "decorative": False,
                        "caption": "1963年：起点" if zh else "1963: the beginning",
                        "credit": "枫桥学院制图" if zh else "Graphic: Fengqiao College",
                    },
                    {
                        "image": media["gallery"][1].pk,
                        "alt_text": "海报：2013年，“坚持好、发展好”"
                        if zh
                        else "Poster: 2013, “Uphold it and develop it”",
                        "decorative": False,
                        "caption": "2013年：新时代" if zh else "2013: a new era",
                        "credit": "枫桥学院制图" if zh else "Graphic: Fengqiao College",
                    },
                ],
            },
        },
        {
            "type": "document",
            "value": {
                "title": "“枫桥经验”大事年表" if zh else "Chronology of the Fengqiao Experience",
                "document": media["chronology"].pk,
                "preview": media["chronology_preview"].pk,
                "description": "1963年至2021年的主要事件，一页纸。"
                if zh
                else "The main events from 1963 to 2021 on one page (in Chinese).",
            },
        },
    ]


def _media():
    """The video, captions, chronology PDF and gallery posters (made once)."""
    chronology_lines = [f"{date[0]}  {zh}" for date, _precision, _slug, zh, _en in MILESTONES]
    pdf_and_preview = {}

    def pdf_part(index):
        if not pdf_and_preview:
            pdf_and_preview["parts"] = chronology_pdf("“枫桥经验”大事年表", chronology_lines)
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
                "Gallery poster 1963",
                lambda: poster("1963", "枫桥经验诞生", "The Fengqiao Experience is born", (166, 27, 27), 1),
                "gallery-1963.jpg",
            ),
            _image(
                "Gallery poster 2013",
                lambda: poster("2013", "坚持好、发展好", "Uphold it and develop it", (20, 60, 120), 2),
                "gallery-2013.jpg",
            ),
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
    pages_before = Page.objects.count()
    with _indexing_once():
        exhibition = _seed()
    if Page.objects.count() != pages_before:
        _index(Page.objects.type(*PAGE_MODELS).specific())
    if stdout:
        stdout.write(
            f"  exhibition: {len(ERAS)} eras, {sum(len(era['exhibits']) for era in ERAS)} exhibits, "
            f"{len(MILESTONES)} milestones (zh-hans and en)"
        )
    return exhibition


def _seed():
    from college.core.demo import translate_page
    from college.core.models import HomePage

    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=zh)

    themes = {}
    for order, (slug, name, name_en) in enumerate(THEMES, start=1):
        themes[slug], _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )

    media = _media()
    cover = _image(
        "Exhibition poster",
        lambda: poster("1963–2021", "“枫桥经验”陈列馆", "The Fengqiao Experience Exhibition", (166, 27, 27), 0),
        "exhibition-poster.jpg",
    )
    exhibition, created = _child(
        home,
        ExhibitionPage,
        EXHIBITION["slug"],
        locale=zh,
        show_in_menus=True,
        cover_image=cover,
        **{key: value for key, value in EXHIBITION["zh"].items()},
    )

    exhibits_by_slug = {}
    era_pages = []
    seed_number = 0
    for era_data in ERAS:
        year_from, year_to = era_data["years"]
        label = str(year_from) if year_from == year_to else f"{year_from}–{year_to}"
        era_cover = _image(
            f"Era poster: {era_data['slug']}",
            lambda d=era_data, label=label: poster(
                label, d["zh"]["title"], d["en"]["title"], d["colour"], len(d["slug"])
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
            cover_alt=_alt("zh", era_data, label),
            **era_data["zh"],
        )
        era_pages.append((era, era_data, label))
        for data in era_data["exhibits"]:
            seed_number += 1
            year_label = _year_label(data)
            exhibit_cover = _image(
                f"Exhibit poster: {data['slug']}",
                lambda d=data, y=year_label, c=era_data["colour"], n=seed_number: poster(
                    y, d["zh"]["title"], d["en"]["title"], c, n
                ),
                f"exhibit-{data['slug']}.jpg",
            )
            exhibit = ExhibitPage.objects.child_of(era).filter(slug=data["slug"]).first()
            if exhibit is None:
                exhibit = ExhibitPage(
                    slug=data["slug"],
                    locale=zh,
                    title=data["zh"]["title"],
                    summary=data["zh"]["summary"],
                    search_description=data["zh"]["summary"],
                    date_start=datetime.date(*data["date"]),
                    date_end=datetime.date(*data["end"]) if data["end"] else None,
                    date_precision=data["precision"],
                    place=data["place"][0],
                    featured=data["featured"],
                    cover_image=exhibit_cover,
                    cover_alt=_alt("zh", data, year_label),
                    body=_body(data, "zh", media),
                )
                era.add_child(instance=exhibit)
                exhibit.themes.set([themes[slug] for slug in data["themes"]])
                _publish(exhibit)
            exhibits_by_slug[data["slug"]] = (exhibit, data, year_label)

    if not exhibition.milestones.exists():
        for order, (date, precision, slug, text_zh, _text_en) in enumerate(MILESTONES):
            Milestone.objects.create(
                page=exhibition,
                sort_order=order,
                date=datetime.date(*date),
                date_precision=precision,
                text=text_zh,
                exhibit=exhibits_by_slug[slug][0] if slug else None,
            )
        _publish(ExhibitionPage.objects.get(pk=exhibition.pk))

    # English: the exhibition (with its milestones), then each era and exhibit.
    exhibition_en = exhibition.get_translation_or_none(en)
    if exhibition_en is None:
        exhibition_en = translate_page(exhibition, en, EXHIBITION["en"])
        texts = {order: text_en for order, (_d, _p, _s, _z, text_en) in enumerate(MILESTONES)}
        milestones = list(exhibition_en.milestones.all())
        for milestone in milestones:
            milestone.text = texts.get(milestone.sort_order, milestone.text)
        exhibition_en.milestones = milestones
        exhibition_en.save_revision().publish()
    for era, era_data, label in era_pages:
        translate_page(era, en, {**era_data["en"], "cover_alt": _alt("en", era_data, label)})
    for exhibit, data, year_label in exhibits_by_slug.values():
        translate_page(
            exhibit,
            en,
            {
                "title": data["en"]["title"],
                "summary": data["en"]["summary"],
                "search_description": data["en"]["summary"],
                "place": data["place"][1],
                "cover_alt": _alt("en", data, year_label),
                "body": _body(data, "en", media),
            },
        )
    return exhibition
