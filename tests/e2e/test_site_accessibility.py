"""axe-core finds no serious or critical problem on the site-wide pages, in both languages."""

import pytest

from .axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/en/",
    "/accounts/login/",
    "/en/accounts/signup/",
    "/search/?q=枫桥",
    "/en/search/?q=mediation",
    "/no-such-page/",
]


def test_site_wide_pages_have_no_serious_axe_violations(page, home_page, english_home):
    problems = {}
    for url in PAGES:
        page.goto(url)
        found = serious_violations(page)
        if found:
            problems[url] = found
    assert problems == {}


def test_signed_in_profile_page_has_no_serious_axe_violations(page, home_page):
    from tests.accounts.factories import PASSWORD, UserFactory

    UserFactory(email="cadre@example.org")
    page.goto("/accounts/login/")
    page.get_by_label("电子邮箱").fill("cadre@example.org")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto("/accounts/profile/")
    assert page.locator("h1").inner_text() == "个人资料"
    assert serious_violations(page) == []
