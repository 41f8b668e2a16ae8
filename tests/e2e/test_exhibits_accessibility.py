"""axe-core finds no serious or critical problem on the exhibition's pages, in both languages."""

import pytest

from .axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/exhibition/",
    "/exhibition/new-era/",
    "/exhibition/new-era/instruction-2013/",
    "/en/exhibition/",
    "/en/exhibition/new-era/",
    "/en/exhibition/new-era/instruction-2013/",
    "/exhibition-search/?q=&theme=rule-of-law",
]


def test_demo_exhibition_pages_have_no_serious_axe_violations(page, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from exhibits.demo import seed

    seed()
    # Make the image renditions first, so that no page load waits for them.
    from django.test import Client

    warm = Client()
    for url in PAGES:
        assert warm.get(url).status_code == 200, url
    problems = {}
    for url in PAGES:
        response = page.goto(url, timeout=60000)
        assert response.status == 200, url
        found = serious_violations(page)
        if found:
            problems[url] = found
    assert problems == {}
