"""A visitor walks the online exhibition in a real browser."""

import pytest
from wagtail.models import Locale

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def exhibition(home_page):
    from tests.exhibits.factories import ThemeFactory, build_exhibition

    exhibition, eras, exhibits = build_exhibition(home_page, eras=3, exhibits_per_era=3, themes=[ThemeFactory()])
    return exhibition, eras, exhibits


def test_visitor_starts_at_the_entrance_and_follows_next_through_every_exhibit_once(page, exhibition):
    exhibition, eras, exhibits = exhibition
    page.goto(exhibition.url)
    page.get_by_role("link", name="开始参观").click()
    visited = []
    while True:
        page.wait_for_load_state()
        visited.append(page.evaluate("location.pathname"))
        assert page.locator("h1").inner_text() == exhibits[len(visited) - 1].title
        next_link = page.locator('nav.promenade-nav a[rel="next"]')
        if next_link.count() == 0:
            break
        next_link.click()
        page.wait_for_url(f"**{exhibits[len(visited)].url}")
    assert visited == [exhibit.url for exhibit in exhibits]
    assert len(set(visited)) == len(exhibits)
    # The end of the tour leads back to the entrance.
    end = page.locator("a.promenade-nav__end")
    assert "参观结束" in end.inner_text()
    end.click()
    page.wait_for_url(f"**{exhibition.url}")


def test_switching_language_on_an_exhibit_keeps_the_visitor_on_that_exhibit(page, exhibition):
    from college.core.demo import translate_page

    exhibition, eras, exhibits = exhibition
    en = Locale.objects.get(language_code="en")
    translate_page(exhibition, en, {"title": "The exhibition"})
    translate_page(eras[1], en, {"title": "Hall two"})
    exhibit_en = translate_page(exhibits[4], en, {"title": "The fifth exhibit"})

    page.goto(exhibits[4].url)
    assert page.locator("#orientation").inner_text() == "第 2 展厅，共 3 个 · 第 2 件展品，共 3 件"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{exhibit_en.url}")
    assert page.locator("h1").inner_text() == "The fifth exhibit"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(f"**{exhibits[4].url}")
    assert page.locator("h1").inner_text() == exhibits[4].title


def test_timeline_jump_to_a_year_moves_focus_to_that_year(page, exhibition):
    exhibition, eras, exhibits = exhibition
    page.goto(exhibition.url)
    page.get_by_label("跳转到年份").fill("1968")
    page.get_by_label("跳转到年份").press("Enter")
    focused = page.evaluate("document.activeElement.textContent")
    assert "1970" in focused and exhibits[3].title in focused
