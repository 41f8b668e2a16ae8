"""Editors build the exhibition in the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from exhibits.models import ExhibitPage, Theme
from tests.accounts.factories import UserFactory

from .factories import EraPageFactory, ExhibitionPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def exhibit_form(image, *, alt="", decorative=False, action="action-publish"):
    data = nested_form_data(
        {
            "title": "调解在先",
            "slug": "mediation-first",
            "date_start": "2005-01-01",
            "date_precision": "year",
            "place": "枫桥镇",
            "summary": "",
            "cover_alt": "",
            "body": streamfield(
                [("image", {"image": image.pk, "alt_text": alt, "decorative": decorative, "caption": "", "credit": ""})]
            ),
            "related_cases": inline_formset([]),
            "related_courses": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def add_url(era):
    return reverse("wagtailadmin_pages:add", args=("exhibits", "exhibitpage", era.pk))


def test_admin_refuses_to_publish_an_exhibit_whose_image_has_no_alt_text(admin_client, home_page):
    era = EraPageFactory(parent=ExhibitionPageFactory(parent=home_page), number=1)
    response = admin_client.post(add_url(era), exhibit_form(ImageFactory()))
    assert response.status_code == 200  # the form again, with the error
    body_error = response.context["form"].errors.as_data()["body"][0]
    assert "发布前请在替代文本中描述图片" in str(body_error.as_json_data())
    assert not ExhibitPage.objects.filter(slug="mediation-first").exists()


def test_admin_saves_a_draft_without_alt_text_and_publishes_a_decorative_image(admin_client, home_page):
    era = EraPageFactory(parent=ExhibitionPageFactory(parent=home_page), number=1)
    image = ImageFactory()
    response = admin_client.post(add_url(era), exhibit_form(image, action="action-save-draft"))
    assert response.status_code == 302
    draft = ExhibitPage.objects.get(slug="mediation-first")
    assert not draft.live

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)), exhibit_form(image, decorative=True)
    )
    assert response.status_code == 302
    assert ExhibitPage.objects.get(pk=draft.pk).live


def test_admin_only_lets_editors_add_eras_under_an_exhibition(admin_client, home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(exhibition.pk,)))
    # The only allowed type: Wagtail goes straight to the era form.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:add", args=("exhibits", "erapage", exhibition.pk))


def test_themes_are_managed_as_a_snippet(admin_client, db):
    response = admin_client.post(
        reverse("wagtailsnippets_exhibits_theme:add"),
        {
            "name": "源头治理",
            "name_en": "Tackling problems at the source",
            "slug": "source-governance",
            "sort_order": "1",
        },
    )
    assert response.status_code == 302
    assert Theme.objects.get(slug="source-governance").name == "源头治理"
    response = admin_client.get(reverse("wagtailsnippets_exhibits_theme:list"))
    assert "源头治理" in response.content.decode()


def test_edit_forms_of_every_exhibition_page_type_open(admin_client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    for page in (exhibition, eras[0], exhibits[0]):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
    html = response.content.decode()
    assert "群众路线" in html  # themes offered as checkboxes
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("exhibits", "exhibitpage", eras[0].pk)))
    assert response.status_code == 200


def test_editor_can_schedule_an_exhibit(admin_client, small_exhibition):
    import datetime

    from django.utils import timezone

    exhibition, eras, exhibits = small_exhibition
    exhibit = exhibits[0]
    exhibit.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = exhibit.save_revision()
    revision.publish()
    exhibit.refresh_from_db()
    assert revision.approved_go_live_at is not None
    assert exhibit.get_latest_revision().approved_go_live_at == revision.approved_go_live_at


def test_editor_previews_a_new_exhibit_before_saving_it(admin_client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    url = reverse("wagtailadmin_pages:preview_on_add", args=("exhibits", "exhibitpage", eras[0].pk))
    data = exhibit_form(ImageFactory(), alt="调解员与村民交谈")
    response = admin_client.post(url, data)
    assert response.json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "调解在先" in html and 'alt="调解员与村民交谈"' in html


def test_editor_previews_a_new_exhibition_and_a_new_era(admin_client, small_exhibition, home_page):
    from wagtail.test.utils.form_data import rich_text

    exhibition, eras, exhibits = small_exhibition
    forms = [
        (
            ("exhibits", "exhibitionpage", home_page.pk),
            {
                "title": "第二个展览",
                "slug": "second",
                "intro": rich_text("<p>简介</p>"),
                "visit_note": "",
                "cover_alt": "",
                "milestones": inline_formset([]),
            },
        ),
        (
            ("exhibits", "erapage", exhibition.pk),
            {
                "title": "新的展厅",
                "slug": "new-hall",
                "year_from": "2022",
                "year_to": "",
                "summary": "",
                "intro": rich_text(""),
                "cover_alt": "",
            },
        ),
    ]
    for args, fields in forms:
        url = reverse("wagtailadmin_pages:preview_on_add", args=args)
        data = nested_form_data({**fields, "comments": inline_formset([])})
        assert admin_client.post(url, data).json()["is_valid"] is True, args
        response = admin_client.get(url)
        assert response.status_code == 200
        assert fields["title"] in response.content.decode()
