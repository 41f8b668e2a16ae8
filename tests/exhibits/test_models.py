import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from college.core.models import HomePage
from exhibits.blocks import ExhibitBodyBlock, ImageBlock
from exhibits.models import EraPage, ExhibitionPage, ExhibitPage

from .factories import EraPageFactory, ExhibitionPageFactory, ExhibitPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_page_tree_is_restricted_to_home_exhibition_era_exhibit():
    assert ExhibitionPage.allowed_parent_page_models() == [HomePage]
    assert ExhibitionPage.allowed_subpage_models() == [EraPage]
    assert EraPage.allowed_parent_page_models() == [ExhibitionPage]
    assert EraPage.allowed_subpage_models() == [ExhibitPage]
    assert ExhibitPage.allowed_parent_page_models() == [EraPage]
    assert ExhibitPage.allowed_subpage_models() == []


def test_exhibit_cannot_be_created_directly_under_the_exhibition(home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    assert not ExhibitPage.can_create_at(exhibition)
    assert EraPage.can_create_at(exhibition)
    assert not EraPage.can_create_at(home_page)
    assert ExhibitionPage.can_create_at(home_page)


def _exhibit_with_body_image(home_page, *, alt="", decorative=False, live=False):
    exhibition = ExhibitionPageFactory(parent=home_page)
    era = EraPageFactory(parent=exhibition, number=1)
    image = ImageFactory()
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": alt, "decorative": decorative, "caption": "", "credit": ""},
        }
    ]
    return ExhibitPageFactory(parent=era, number=1, live=live, body=body)


def test_exhibit_with_an_image_without_alt_text_cannot_be_published(home_page):
    exhibit = _exhibit_with_body_image(home_page)
    revision = exhibit.save_revision()
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        revision.publish()
    assert "替代文本" in str(error.value)
    assert not ExhibitPage.objects.get(pk=exhibit.pk).live


@pytest.mark.parametrize("alt, decorative", [("村民在祠堂里开会", False), ("", True)])
def test_exhibit_with_alt_text_or_an_explicit_decorative_choice_is_published(home_page, alt, decorative):
    exhibit = _exhibit_with_body_image(home_page, alt=alt, decorative=decorative)
    exhibit.save_revision().publish()
    assert ExhibitPage.objects.get(pk=exhibit.pk).live


def test_draft_without_alt_text_may_be_saved(home_page):
    exhibit = _exhibit_with_body_image(home_page)
    exhibit.title = "草稿"
    exhibit.save_revision()
    assert exhibit.get_latest_revision().content["title"] == "草稿"


def test_cover_image_needs_alt_text_before_publishing(home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    era = EraPageFactory(parent=exhibition, number=1, live=False)
    era.cover_image = ImageFactory()
    era.cover_alt = ""
    revision = era.save_revision()
    with pytest.raises(ValidationError):
        revision.publish()
    era.cover_decorative = True
    era.save_revision().publish()
    assert EraPage.objects.get(pk=era.pk).live


def test_image_block_requires_alt_text_unless_validation_is_deferred_for_a_draft():
    block = ImageBlock()
    image = ImageFactory()
    value = block.to_python({"image": image.pk, "alt_text": "", "decorative": False, "caption": "", "credit": ""})
    with pytest.raises(ValidationError):
        block.clean(value)
    stream = ExhibitBodyBlock()
    stream_value = stream.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False}}]
    )
    assert stream.clean_deferred(stream_value) is not None


def test_era_cannot_end_before_it_begins(home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    era = EraPage(title="错误", slug="bad", year_from=2000, year_to=1990)
    with pytest.raises(ValidationError) as error:
        exhibition.add_child(instance=era)
    assert "year_to" in error.value.message_dict


@pytest.mark.parametrize(
    "start, end, precision, zh, en",
    [
        (datetime.date(1963, 1, 1), None, "year", "1963年", "1963"),
        (datetime.date(2018, 11, 1), None, "month", "2018年11月", "November 2018"),
        (datetime.date(2013, 10, 9), None, "day", "2013年10月9日", "Oct. 9, 2013"),
        (datetime.date(1990, 1, 1), None, "decade", "1990年代", "the 1990s"),
        (datetime.date(1964, 1, 1), datetime.date(1969, 1, 1), "year", "1964年–1969年", "1964–1969"),
    ],
)
def test_dates_are_shown_at_their_precision_in_each_language(start, end, precision, zh, en):
    from django.utils import translation

    from exhibits.dates import format_date_range

    with translation.override("zh-hans"):
        assert format_date_range(start, end, precision) == zh
    with translation.override("en"):
        assert format_date_range(start, end, precision) == en


def test_related_cases_and_courses_point_to_any_page(home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    exhibit = ExhibitPageFactory(parent=EraPageFactory(parent=exhibition, number=1), number=1)
    other = Page.objects.get(pk=home_page.pk)
    exhibit.related_cases.create(page=other)
    exhibit.related_courses.create(page=other)
    assert [link.page for link in exhibit.related_cases.all()] == [other]
    assert exhibit.related_courses.get().title == home_page.title
