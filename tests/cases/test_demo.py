"""Demo content: enough typical cases across every field and level, idempotent, plus bulk synthetic cases."""

import pytest
from wagtail.models import Page

from cases import demo
from cases.models import CaseField, CaseLibraryPage, CasePage, CaseReleasePage, GovernanceLevel
from cases.search import CaseQuery, get_case_search

pytestmark = pytest.mark.django_db


def test_demo_seed_covers_every_field_and_level_and_runs_twice(home_page, client):
    demo.seed()
    zh = CasePage.objects.live().filter(locale__language_code="zh-hans")
    assert zh.count() >= 40
    assert set(zh.values_list("field", flat=True)) == set(CaseField.values)
    assert set(zh.values_list("level", flat=True)) == set(GovernanceLevel.values)
    assert all(case.deidentified for case in zh)
    assert CaseReleasePage.objects.live().filter(locale__language_code="zh-hans").count() >= 2
    english = CasePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 5
    assert all(e.release is None or e.release.locale.language_code == "en" for e in english)
    assert (
        "police butler"
        in CasePage.objects.get(slug="police-butler-rental-dispute", locale__language_code="en").keyword_names()
    )
    library = CaseLibraryPage.objects.get(locale__language_code="zh-hans")
    assert library.show_in_menus

    before = (CasePage.objects.count(), Page.objects.count())
    demo.seed()
    assert (CasePage.objects.count(), Page.objects.count()) == before

    response = client.get(zh.first().url)
    assert response.status_code == 200
    english_case = english.first()
    assert client.get(english_case.url).status_code == 200
    assert english_case.url.startswith("/en/")


def test_synthetic_cases_are_added_in_bulk_and_searchable(home_page, client):
    demo.seed()
    before = CasePage.objects.count()
    demo.seed(cases=30)
    assert CasePage.objects.count() == before + 30
    numbers = list(CasePage.objects.filter(locale__language_code="zh-hans").values_list("case_number", flat=True))
    assert len(numbers) == len(set(numbers))  # translations share their case's number
    assert all(not problem for problem in Page.find_problems())  # the page tree is consistent
    synthetic = CasePage.objects.filter(title__contains="（第").first()
    assert client.get(synthetic.url).status_code == 200
    results = get_case_search().search(CaseQuery(q="化解", language="zh-hans"))
    assert results.count >= 30
