"""Helpers that build case pages the way editors do (add under the library, publish)."""

import datetime

from cases.models import CaseLibraryPage, CasePage, CaseReleasePage, DisputeType, Region

DEIDENTIFIED = {
    "deid_names_removed": True,
    "deid_contacts_removed": True,
    "deid_places_generalised": True,
    "deid_minors_protected": True,
    "deid_documents_checked": True,
}


def make_library(home, title="典型案例库", slug="cases"):
    library = CaseLibraryPage(title=title, slug=slug, show_in_menus=True)
    home.add_child(instance=library)
    library.save_revision().publish()
    return library


def make_release(library, title="第一批典型案例", slug="release-1", date=datetime.date(2024, 1, 10)):
    release = CaseReleasePage(title=title, slug=slug, date_released=date)
    library.add_child(instance=release)
    release.save_revision().publish()
    return release


_counter = {"n": 0}


def make_case(library, title="邻里纠纷调解案", keywords=(), publish=True, region=None, dispute_type=None, **fields):
    _counter["n"] += 1
    values = {
        "slug": f"case-{_counter['n']}",
        "subtitle": "",
        "field": "village_community",
        "level": "village",
        "date_released": datetime.date(2024, 3, 1),
        "key_points": "<p>要旨</p>",
        "facts": "<p>基本案情</p>",
        **DEIDENTIFIED,
        **fields,
    }
    if region:
        values["region"] = Region.objects.get(code=region)
    if dispute_type:
        values["dispute_type"] = DisputeType.objects.get(code=dispute_type)
    case = CasePage(title=title, live=False, **values)
    library.add_child(instance=case)
    if keywords:
        case.keywords.set(list(keywords))
        case.save()
    revision = case.save_revision()
    if publish:
        revision.publish()
    return CasePage.objects.get(pk=case.pk)
