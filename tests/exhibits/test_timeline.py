import datetime
import re

import pytest

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def timeline_html(html):
    return html[html.index('<ol class="timeline">') :]


def test_timeline_is_an_ordered_list_grouped_by_era_and_ordered_by_date(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    # A later exhibit placed first in hall 1 still comes after the earlier ones on the timeline.
    exhibits[0].date_start = datetime.date(eras[0].year_from + 3, 1, 1)
    exhibits[0].save()
    MilestoneFactory(
        page=exhibition, text="第一展厅的大事", date=datetime.date(eras[0].year_from + 1, 5, 1), date_precision="month"
    )
    html = timeline_html(client.get(exhibition.url).content.decode())
    groups = re.findall(r'<li class="timeline__era" id="timeline-([^"]+)"', html)
    assert groups == ["era-1", "era-2", "era-3"]
    first_group = html[: html.index('id="timeline-era-2"')]
    order = [
        first_group.index(f'href="{exhibits[1].url}"'),
        first_group.index("第一展厅的大事"),
        first_group.index(f'href="{exhibits[0].url}"'),
    ]
    assert order == sorted(order)
    assert f'datetime="{eras[0].year_from + 1}-05"' in first_group


def test_every_exhibit_and_milestone_links_from_the_timeline(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    MilestoneFactory(
        page=exhibition, text="与展品相关的大事", date=datetime.date(eras[2].year_from, 1, 1), exhibit=exhibits[7]
    )
    html = timeline_html(client.get(exhibition.url).content.decode())
    for exhibit in exhibits:
        assert f'href="{exhibit.url}"' in html
    assert re.search(rf'<a href="{re.escape(exhibits[7].url)}">与展品相关的大事</a>', html)


def test_theme_filter_works_without_javascript(client, small_exhibition, themes):
    exhibition, eras, exhibits = small_exhibition
    MilestoneFactory(page=exhibition, text="没有展品的大事", date=datetime.date(eras[0].year_from, 1, 1))
    response = client.get(exhibition.url, {"theme": "rule-of-law"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="rule-of-law" selected>' in html
    timeline = timeline_html(html)
    shown = [exhibit for exhibit in exhibits if f'href="{exhibit.url}"' in timeline]
    assert shown == exhibits[3:6]
    assert "没有展品的大事" not in timeline
    assert "主题“法治”共有 3 条。" in html


@pytest.mark.parametrize("value", ["no-such-theme", "<script>alert(1)</script>", "x" * 500])
def test_unknown_theme_gives_an_explained_empty_result(client, small_exhibition, value):
    exhibition, eras, exhibits = small_exhibition
    response = client.get(exhibition.url, {"theme": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "没有名为" in html and "显示全部主题" in html
    assert '<ol class="timeline">' not in html
    assert "<script>alert(1)</script>" not in html


def test_timeline_in_english_links_english_exhibits(client, small_exhibition):
    from wagtail.models import Locale

    from college.core.demo import translate_page

    exhibition, eras, exhibits = small_exhibition
    en = Locale.objects.get(language_code="en")
    exhibition_en = translate_page(exhibition, en, {"title": "Exhibition"})
    era_en = translate_page(eras[0], en, {"title": "Hall one"})
    exhibit_en = translate_page(exhibits[0], en, {"title": "First exhibit"})
    MilestoneFactory(
        page=exhibition_en,
        text="An event of hall one",
        date=datetime.date(eras[0].year_from, 1, 1),
        exhibit=exhibits[0],
    )
    html = client.get(exhibition_en.url).content.decode()
    assert exhibition_en.url.startswith("/en/")
    assert f'<a href="{exhibit_en.url}">An event of hall one</a>' in html
    assert f'id="start-tour" href="{exhibit_en.url}"' in html
    assert "Hall one" in html and "Start the tour" in html
    assert era_en.url.startswith("/en/")
