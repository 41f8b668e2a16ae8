"""Demo content of the case library (run by ``manage.py seed_demo``).

Creates the library under the home page, three themed releases, the typical
cases of ``demo_data`` (some also in English) and, with ``--cases N``, N
synthetic cases inserted in bulk for load tests.  Idempotent: pages are
looked up by slug; synthetic cases are only added on request.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from .default_lists import ensure_default_lists
from .demo_data import CASES, KEYWORDS_EN, RELEASES
from .models import CaseLibraryPage, CasePage, CaseReleasePage, DisputeType, Region
from .services import ensure_case_workflow

LIBRARY_ZH = {
    "title": "典型案例库",
    "slug": "cases",
    "intro": "<p>汇集运用新时代“枫桥经验”化解矛盾纠纷的典型案例。可按关键词检索，并按领域、层级、地区、纠纷类型和年份筛选。所有案例均已隐去当事人身份信息。</p>",
    "search_description": "枫桥学院典型案例库：按领域、层级、地区、纠纷类型检索基层社会治理典型案例。",
}
LIBRARY_EN = {
    "title": "Typical Cases",
    "intro": "<p>Typical cases of resolving disputes with the new-era Fengqiao Experience. Search by words and narrow by field, level, region, dispute type and year. Every case has been de-identified.</p>",
    "search_description": "Fengqiao College typical case library: grassroots governance cases by field, level, region and dispute type.",
}
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


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def ensure_library(home, en):
    from college.core.demo import translate_page

    library = CaseLibraryPage.objects.filter(locale=home.locale).first()
    if library is None:
        library = CaseLibraryPage(show_in_menus=True, **LIBRARY_ZH)
        home.add_child(instance=library)
        library.save_revision().publish()
    ensure_case_workflow(library)
    translate_page(library, en, LIBRARY_EN)
    return library


def ensure_releases(library, en):
    from college.core.demo import translate_page

    releases = []
    for data in RELEASES:
        release = CaseReleasePage.objects.child_of(library).filter(slug=data["slug"]).first()
        if release is None:
            release = CaseReleasePage(
                title=data["title"], slug=data["slug"], date_released=_date(data["date_released"]), intro=data["intro"]
            )
            library.add_child(instance=release)
            release.save_revision().publish()
        releases.append(release.specific)
        translate_page(release, en, data["en"])
    return releases


def case_fields(data, releases):
    field, level, region, dispute_type, case_date, release_index, order = data["meta"]
    release = releases[release_index] if release_index is not None else None
    released = release.date_released if release else _date(case_date) + datetime.timedelta(days=60)
    return {
        "title": data["title"],
        "slug": data["slug"],
        "subtitle": data.get("subtitle", ""),
        "field": field,
        "level": level,
        "region": Region.objects.get(code=region),
        "dispute_type": DisputeType.objects.get(code=dispute_type),
        "case_date": _date(case_date),
        "date_released": released,
        "release": release,
        "release_order": order,
        "key_points": _paragraph(data["key_points"]),
        "facts": _paragraph(data["facts"]),
        "handling": _paragraph(data["handling"]),
        "result": _paragraph(data["result"]),
        "significance": _paragraph(data["significance"]),
        "laws": [("citation", {"law": law, "article": "", "text": ""}) for law in data.get("laws", [])],
        **DEIDENTIFIED,
    }


def ensure_cases(library, releases, en):
    from college.core.demo import translate_page

    created = 0
    for data in CASES:
        case = CasePage.objects.child_of(library).filter(slug=data["slug"]).first()
        if case is None:
            case = CasePage(**case_fields(data, releases))
            library.add_child(instance=case)
            case.keywords.set(data["keywords"])
            case.save()
            case.save_revision().publish()
            created += 1
        if "en" in data:
            english = dict(data["en"])
            for name in ("key_points", "facts", "handling", "result", "significance"):
                if name in english:
                    english[name] = _paragraph(english[name])
            if case.release_id:
                english["release"] = case.release.get_translation(en)
            translated = translate_page(case, en, english)
            wanted = [KEYWORDS_EN.get(word, word) for word in data["keywords"]]
            if sorted(translated.keyword_names()) != sorted(wanted):
                translated.keywords.set(wanted)
                translated.save_revision().publish()
    return created


def seed(stdout=None, **options):
    from college.core.models import HomePage

    home = HomePage.objects.get(locale__language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    with transaction.atomic():
        ensure_default_lists()
        library = ensure_library(home, en)
        releases = ensure_releases(library, en)
        created = ensure_cases(library, releases, en)
    synthetic = options.get("cases") or 0
    if synthetic:
        from .synthetic import bulk_create_cases

        bulk_create_cases(library, synthetic)
    from .search import uses_elasticsearch

    if uses_elasticsearch() and (created or synthetic):
        from .search import SearchUnavailable
        from .search.elasticsearch import ElasticsearchCaseSearch

        try:
            ElasticsearchCaseSearch().rebuild()
        except SearchUnavailable as exc:
            if stdout:
                stdout.write(f"  case index not rebuilt ({exc}); run manage.py rebuild_case_index later")
    if stdout:
        stdout.write(
            f"  case library: {len(CASES)} typical cases ({created} new), {len(RELEASES)} releases"
            + (f", {synthetic} synthetic cases added" if synthetic else "")
        )
    return library
