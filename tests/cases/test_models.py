import datetime

import pytest
from django.core.exceptions import ValidationError

from cases.models import CaseNumberCounter, CasePage
from cases.services import NotDeidentified, check_ready_for_review

from .factories import CasePageFactory, CaseReleasePageFactory

pytestmark = pytest.mark.django_db


def test_case_numbers_are_assigned_in_sequence_per_release_year(library):
    first = CasePageFactory(parent=library, date_released=datetime.date(2025, 5, 1))
    second = CasePageFactory(parent=library, date_released=datetime.date(2025, 6, 1))
    other_year = CasePageFactory(parent=library, date_released=datetime.date(2026, 1, 5))
    assert first.case_number == "FQAL-2025-0001"
    assert second.case_number == "FQAL-2025-0002"
    assert other_year.case_number == "FQAL-2026-0001"
    assert CaseNumberCounter.objects.get(year=2025).last_number == 2


def test_case_number_survives_edits_and_is_fixed_once_published(library):
    case = CasePageFactory(parent=library)
    number = case.case_number
    case.title = "改过的标题"
    case.save_revision().publish()
    case.refresh_from_db()
    assert case.case_number == number
    case.case_number = "FQAL-1999-0001"
    with pytest.raises(ValidationError):
        case.full_clean()


def test_english_translation_keeps_the_case_number(library, english_home):
    from wagtail.models import Locale

    case = CasePageFactory(parent=library)
    english = case.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    assert CasePage.objects.get(pk=english.pk).case_number == case.case_number


def test_review_needs_the_whole_deidentification_checklist(library):
    case = CasePageFactory(parent=library, publish=False, deid_minors_protected=False)
    with pytest.raises(NotDeidentified):
        check_ready_for_review(case)
    case.deid_minors_protected = True
    check_ready_for_review(case)  # no error


def test_release_links_previous_and_next_case(library):
    release = CaseReleasePageFactory(parent=library)
    first = CasePageFactory(parent=library, title="一", release=release, release_order=1)
    second = CasePageFactory(parent=library, title="二", release=release, release_order=2)
    third = CasePageFactory(parent=library, title="三", release=release, release_order=3)
    CasePageFactory(parent=library, title="别的批次")
    assert second.release_neighbours() == (first, third)
    assert first.release_neighbours() == (None, second)
    assert third.release_neighbours() == (second, None)
    assert [c.title for c in release.cases()] == ["一", "二", "三"]


def test_related_cases_share_keywords_or_dispute_type(library):
    case = CasePageFactory(parent=library, keywords=["漏水", "邻里"], dispute_type_code="neighbours")
    both = CasePageFactory(parent=library, title="共享两个关键词", keywords=["漏水", "邻里"])
    same_type = CasePageFactory(parent=library, title="同一纠纷类型", dispute_type_code="neighbours")
    CasePageFactory(parent=library, title="无关", keywords=["劳资"], dispute_type_code="labour")
    related = list(case.related_cases())
    assert related[0] == both
    assert set(related) == {both, same_type}
