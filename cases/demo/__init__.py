"""Demo content of the case library (run by ``manage.py seed_demo``).

Creates the library under the home page, three themed releases, the typical
cases (some also in English) and, with ``--cases N``, N synthetic cases
inserted in bulk for load tests.  The texts are data: ``library.toml`` (the
library page, releases, laws cited) and ``cases.toml`` beside this file, read
and checked by ``content.load_content()``.  Idempotent: pages are looked up
by slug; synthetic cases are only added on request.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from ..default_lists import ensure_default_lists
from ..models import CaseLibraryPage, CasePage, CaseReleasePage, DisputeType, Region
from ..services import ensure_case_workflow
from .content import has_english, load_content

SECTIONS = ("key_points", "facts", "handling", "result", "significance")

DEIDENTIFIED = {
    "deid_names_removed": True,
    "deid_contacts_removed": True,
    "deid_places_generalised": True,
    "deid_minors_protected": True,
    "deid_documents_checked": True,
}


def add_arguments(parser):
    parser.add_argument(
        "--cases", type=int, default=0, metavar="N", help="Also add N synthetic typical cases (bulk, for load tests)."
    )


def _paragraph(text):
    return f"<p>{text}</p>" if text else ""


def _texts(data, language, *names):
    return {name: data[name][language] for name in names}


def ensure_library(home, en, texts):
    from college.core.demo import translate_page

    fields = ("title", "intro", "search_description")
    library = CaseLibraryPage.objects.filter(locale=home.locale).first()
    if library is None:
        library = CaseLibraryPage(show_in_menus=True, slug=texts["slug"], **_texts(texts, "zh", *fields))
        home.add_child(instance=library)
        library.save_revision().publish()
    ensure_case_workflow(library)
    translate_page(library, en, _texts(texts, "en", *fields))
    return library


def ensure_releases(library, en, texts):
    """The release pages of ``texts`` (both languages), by slug."""
    from college.core.demo import translate_page

    releases = {}
    for data in texts:
        release = CaseReleasePage.objects.child_of(library).filter(slug=data["slug"]).first()
        if release is None:
            release = CaseReleasePage(
                slug=data["slug"], date_released=data["date_released"], **_texts(data, "zh", "title", "intro")
            )
            library.add_child(instance=release)
            release.save_revision().publish()
        releases[data["slug"]] = release.specific
        translate_page(release, en, _texts(data, "en", "title", "intro"))
    return releases


def case_fields(data, releases, laws):
    """The fields of the Chinese case page of ``data``."""
    release = releases[data["release"]] if data["release"] is not None else None
    released = release.date_released if release else data["date"] + datetime.timedelta(days=60)
    return {
        "title": data["title"]["zh"],
        "slug": data["slug"],
        "subtitle": data["subtitle"]["zh"],
        "field": data["field"],
        "level": data["level"],
        "region": Region.objects.get(code=data["region"]),
        "dispute_type": DisputeType.objects.get(code=data["dispute_type"]),
        "case_date": data["date"],
        "date_released": released,
        "release": release,
        "release_order": data["release_order"],
        **{name: _paragraph(data[name]["zh"]) for name in SECTIONS},
        "laws": [("citation", {"law": laws[law], "article": "", "text": ""}) for law in data["laws"]],
        **DEIDENTIFIED,
    }


def ensure_cases(library, releases, en, texts):
    from college.core.demo import translate_page

    created = 0
    for data in texts["cases"]:
        case = CasePage.objects.child_of(library).filter(slug=data["slug"]).first()
        if case is None:
            case = CasePage(**case_fields(data, releases, texts["laws"]))
            library.add_child(instance=case)
            case.keywords.set(data["keywords"]["zh"])
            case.save()
            case.save_revision().publish()
            created += 1
        if has_english(data):
            english = _texts(data, "en", "title", "subtitle")
            english.update({name: _paragraph(data[name]["en"]) for name in SECTIONS})
            if case.release_id:
                english["release"] = case.release.get_translation(en)
            translated = translate_page(case, en, english)
            wanted = data["keywords"]["en"]
            if sorted(translated.keyword_names()) != sorted(wanted):
                translated.keywords.set(wanted)
                translated.save_revision().publish()
    return created


def seed(stdout=None, **options):
    from college.core.models import HomePage

    texts = load_content()
    home = HomePage.objects.get(locale__language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    with transaction.atomic():
        ensure_default_lists()
        library = ensure_library(home, en, texts["library"])
        releases = ensure_releases(library, en, texts["releases"])
        created = ensure_cases(library, releases, en, texts)
    synthetic = options.get("cases") or 0
    if synthetic:
        from ..synthetic import bulk_create_cases

        bulk_create_cases(library, synthetic)
    from ..search import uses_elasticsearch

    if uses_elasticsearch() and (created or synthetic):
        from ..search import SearchUnavailable
        from ..search.elasticsearch import ElasticsearchCaseSearch

        try:
            ElasticsearchCaseSearch().rebuild()
        except SearchUnavailable as exc:
            if stdout:
                stdout.write(f"  case index not rebuilt ({exc}); run manage.py rebuild_case_index later")
    if stdout:
        stdout.write(
            f"  case library: {len(texts['cases'])} typical cases ({created} new), {len(releases)} releases"
            + (f", {synthetic} synthetic cases added" if synthetic else "")
        )
    return library
