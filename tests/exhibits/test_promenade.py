import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import ImageFactory, build_exhibition

pytestmark = pytest.mark.django_db


def next_url(html):
    match = re.search(r'<a rel="next" href="([^"]+)"', html)
    return match.group(1) if match else None


def test_start_the_tour_leads_to_the_first_exhibit(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(exhibition.url).content.decode()
    assert f'id="start-tour" href="{exhibits[0].url}"' in html


def test_following_next_visits_every_exhibit_once_in_curated_order(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    visited = []
    url = exhibits[0].url
    while url:
        response = client.get(url)
        assert response.status_code == 200
        visited.append(url)
        url = next_url(response.content.decode())
    assert visited == [exhibit.url for exhibit in exhibits]


def test_last_exhibit_of_a_hall_leads_to_the_first_of_the_next_hall(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(exhibits[2].url).content.decode()
    assert f'<link rel="next" href="{exhibits[3].url}">' in html
    assert f'<a rel="next" href="{exhibits[3].url}">' in html
    assert f'<a rel="prev" href="{exhibits[1].url}">' in html
    html = client.get(exhibits[3].url).content.decode()
    assert f'<link rel="prev" href="{exhibits[2].url}">' in html


def test_exhibit_shows_its_orientation_and_ways_back(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(exhibits[4].url).content.decode()
    assert "第 2 展厅，共 3 个 · 第 2 件展品，共 3 件" in html or "Hall 2 of 3 · exhibit 2 of 3" in html
    assert f'href="{eras[1].url}"' in html
    assert f'href="{exhibition.url}"' in html


def test_first_exhibit_has_no_previous_and_last_ends_the_tour(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    first = client.get(exhibits[0].url).content.decode()
    assert 'rel="prev"' not in first
    last = client.get(exhibits[-1].url).content.decode()
    assert 'rel="next"' not in last
    assert "promenade-nav__end" in last


def test_the_editor_order_in_the_tree_is_the_walking_order(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    # Move the third exhibit of hall 1 before its first one, as an editor sorting in the admin would.
    exhibits[2].move(exhibits[0], pos="left")
    html = client.get(exhibits[2].url).content.decode()
    assert 'rel="prev"' not in html
    assert f'<a rel="next" href="{exhibits[0].url}">' in html


def test_unpublished_exhibits_and_halls_are_left_out_of_the_walk(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    exhibits[1].unpublish()
    eras[1].unpublish()
    html = client.get(exhibits[0].url).content.decode()
    assert f'<a rel="next" href="{exhibits[2].url}">' in html
    html = client.get(exhibits[2].url).content.decode()
    assert f'<a rel="next" href="{exhibits[6].url}">' in html


def test_era_page_lists_its_exhibits_in_order_with_hall_links(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(eras[1].url).content.decode()
    positions = [html.index(f'href="{exhibit.url}"') for exhibit in exhibits[3:6]]
    assert positions == sorted(positions)
    assert f'<a rel="prev" href="{eras[0].url}">' in html
    assert f'<a rel="next" href="{eras[2].url}">' in html


@pytest.mark.parametrize(
    "path", ["/exhibition/no-such-era/", "/exhibition/era-1/no-such-exhibit/", "/en/exhibition/x/"]
)
def test_unknown_slugs_give_the_site_404(client, small_exhibition, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode() or "找不到" in response.content.decode() or response.templates


def _queries(client, url):
    client.get(url)  # warm up: renditions are made on first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_exhibition(client, home_page, themes, settings):
    # Building 300 pages is faster without updating the search index on each save.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "college.core.search.backends.ChineseDatabaseSearchBackend", "AUTO_UPDATE": False}
    }
    image = ImageFactory()
    small, small_eras, small_exhibits = build_exhibition(
        home_page, eras=2, exhibits_per_era=5, themes=themes, cover=image, milestones=3
    )
    small_counts = [_queries(client, url) for url in (small.url, small_eras[1].url, small_exhibits[6].url)]

    small.delete()
    large, large_eras, large_exhibits = build_exhibition(
        home_page, eras=10, exhibits_per_era=30, themes=themes, cover=image, milestones=40
    )
    assert len(large_exhibits) == 300
    large_counts = [_queries(client, url) for url in (large.url, large_eras[1].url, large_exhibits[36].url)]
    assert large_counts == small_counts
