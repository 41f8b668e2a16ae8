"""Browser journey: search the case library, narrow by two facets, open a case, come back."""

import os
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("CASES_SCREENSHOTS")  # a directory: save screenshots there for review


@pytest.fixture
def library(home_page, settings):
    from cases import demo

    settings.ELASTICSEARCH_URL = ""  # the journey runs on the database search
    from cases.services import ensure_case_workflow

    library = demo.seed()
    ensure_case_workflow(library)
    return library


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_search_narrow_by_two_facets_open_a_case_and_come_back(page, library):
    page.goto(library.url)
    page.get_by_label("检索词").fill("调解")
    page.get_by_role("button", name="检索").click()
    page.wait_for_url("**q=**")
    total = page.locator(".case-results__count").inner_text()
    assert "个案例" in total
    assert page.locator(".case-result mark").first.inner_text() == "调解"
    shot(page, "library-search")

    page.locator('[data-facet="field"] a', has_text="村（社区）").click()
    page.wait_for_url("**field=village_community**")
    page.locator('[data-facet="level"] a', has_text="村级").click()
    page.wait_for_url("**level=village**")
    narrowed_url = page.url
    params = parse_qs(urlparse(narrowed_url).query)
    assert params["q"] == ["调解"] and params["field"] == ["village_community"] and params["level"] == ["village"]
    titles = page.locator(".case-result h3").all_inner_texts()
    assert titles
    assert page.locator('[data-facet="level"] a.is-selected').count() == 1
    shot(page, "library-narrowed")

    first_title = titles[0]
    page.locator(".case-result h3 a").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == first_title.replace("\n", "")
    assert page.locator(".case__facts").inner_text().count("村级") == 1
    shot(page, "case-page")

    page.get_by_role("link", name="返回检索结果").click()
    page.wait_for_url(lambda url: "level=village" in url and "field=village_community" in url)
    assert page.locator(".case-result h3").all_inner_texts() == titles
    assert page.get_by_label("检索词").input_value() == "调解"

    # The browser's own back button keeps the filters as well.
    page.locator(".case-result h3 a").first.click()
    page.wait_for_selector(".case__facts")
    page.go_back()
    assert parse_qs(urlparse(page.url).query)["level"] == ["village"]


def test_phone_folds_the_facets_and_english_visitors_search_in_english(browser, live_server, library):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(library.url + "?q=纠纷&level=village")
    # On a phone only the facet in use stays open, so the results come into view.
    assert tab.locator(".case-facet[open]").count() == 1
    assert tab.locator('.case-facet[open][data-facet="level"]').count() == 1
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    shot(tab, "phone-library")
    tab.locator(".case-result h3 a").first.click()
    tab.wait_for_selector("h1")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    shot(tab, "phone-case")
    context.close()

    english = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    tab = english.new_page()
    tab.goto("/en/cases/?q=mediation")
    shot(tab, "english-library")
    assert "cases" in tab.locator(".case-results__count").inner_text()
    assert tab.locator(".case-result mark").first.inner_text().lower() == "mediation"
    tab.locator(".case-result h3 a").first.click()
    tab.wait_for_selector(".case__facts")
    assert tab.locator("html").get_attribute("lang") == "en"
    shot(tab, "english-case")
    english.close()
