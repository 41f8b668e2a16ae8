"""The library search page, case pages and releases as a visitor sees them."""

import datetime
import re

import pytest

from .factories import CasePageFactory, CaseReleasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(library):
    release = CaseReleasePageFactory(parent=library, title="2024年第一批典型案例")
    return {
        "leak": CasePageFactory(
            parent=library,
            title="楼上漏水引发邻里纠纷",
            keywords=["邻里", "漏水"],
            region_code="zhuji",
            dispute_type_code="neighbours",
            release=release,
            release_order=1,
            date_released=datetime.date(2024, 5, 1),
        ),
        "wage": CasePageFactory(
            parent=library,
            title="派出所调解劳资纠纷",
            keywords=["劳资"],
            field="police_station",
            level="town",
            region_code="zhuji",
            dispute_type_code="labour",
            release=release,
            release_order=2,
            date_released=datetime.date(2025, 5, 1),
        ),
        "release": release,
    }


def test_library_page_lists_cases_with_facet_links_that_keep_other_filters(client, library, cases):
    response = client.get(library.url, {"q": "纠纷", "region": "zhuji"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>纠纷</mark>" in html
    assert "共 2 个案例" in html
    assert re.search(r'aria-current="true" class="is-selected">诸暨市', html)  # the chosen region is marked
    links = re.findall(r'href="(\?[^"]*level=town[^"]*)"', html)
    assert links, "a facet link for the town level"
    assert "region=zhuji" in links[0] and "q=%E7%BA%A0%E7%BA%B7" in links[0]


def test_invalid_parameters_on_the_page_show_a_message_not_an_error(client, library, cases):
    response = client.get(library.url, {"field": "nonsense", "page": "-3"})
    assert response.status_code == 200
    assert "2" in response.content.decode()


def test_case_page_shows_the_structure_release_navigation_and_back_link(client, library, cases):
    response = client.get(cases["leak"].url, {"back": "?q=纠纷&region=zhuji"})
    html = response.content.decode()
    assert cases["leak"].case_number in html
    assert "诸暨市" in html and "邻里纠纷" in html
    assert f'href="{cases["wage"].url}"' in html  # next case of the release
    assert "?q=纠纷&amp;region=zhuji" in html


def test_back_link_only_accepts_a_query_string(client, cases):
    html = client.get(cases["leak"].url, {"back": "https://evil.example/"}).content.decode()
    assert "evil.example" not in html


def test_print_view_has_no_site_navigation(client, cases):
    html = client.get(cases["leak"].url, {"print": "1"}).content.decode()
    assert "cases/print.css" in html and "site-header" not in html
    assert cases["leak"].case_number in html


def test_release_page_lists_its_cases_in_order(client, cases):
    html = client.get(cases["release"].url).content.decode()
    assert html.index("楼上漏水引发邻里纠纷") < html.index("派出所调解劳资纠纷")


def test_case_cited_by_another_page_shows_where_it_is_used(client, cases, home_page):
    # A rich-text link to the case from another page is recorded in Wagtail's reference index.
    home_page.intro = f'<p><a linktype="page" id="{cases["leak"].pk}">案例</a></p>'
    home_page.save_revision().publish()
    grouped = cases["leak"].citing_pages()
    assert [page.pk for page in grouped["core"]] == [home_page.pk]


def test_search_within_results_on_the_page(client, library, cases):
    html = client.get(library.url, {"q": "劳资", "within": "纠纷"}).content.decode()
    assert "共 1 个案例" in html and cases["wage"].case_number in html
    assert "<mark>劳资</mark><mark>纠纷</mark>" in html  # words of both searches are marked
    assert 'name="within" value="纠纷 劳资"' in html  # the next search can narrow further


def test_attachments_are_listed_on_the_case_page(client, cases):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from cases.models import CaseAttachment

    document = Document.objects.create(title="调解协议（脱敏）", file=ContentFile(b"%PDF-1.4", name="agreement.pdf"))
    case = cases["leak"]
    CaseAttachment.objects.create(page=case, document=document, title="调解协议书")
    html = client.get(case.url).content.decode()
    assert "调解协议书" in html and document.url in html
