import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_the_home_page_to_english_and_back(page, home_page, english_home):
    page.goto("/")
    assert page.locator("h1").inner_text() == "绍兴枫桥学院"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("h1").inner_text() == "Shaoxing Fengqiao College"
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(lambda url: url.endswith("/") and "/en/" not in url)
    assert page.locator("html").get_attribute("lang") == "zh-hans"


def test_skip_link_moves_focus_to_the_main_content(page, home_page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳转到主要内容")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
