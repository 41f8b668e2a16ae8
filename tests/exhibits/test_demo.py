import re

import pytest
from wagtail.models import Locale, Page

from exhibits.models import EraPage, ExhibitionPage, ExhibitPage, Milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from exhibits.demo import seed

    return seed()


def test_demo_builds_the_whole_exhibition_in_both_languages_once(demo, client):
    for code in ("zh-hans", "en"):
        locale = Locale.objects.get(language_code=code)
        exhibition = ExhibitionPage.objects.live().get(locale=locale)
        eras = EraPage.objects.live().child_of(exhibition).order_by("path")
        assert eras.count() >= 7
        assert eras.first().year_from == 1963 and eras.last().year_to == 2021
        assert ExhibitPage.objects.live().descendant_of(exhibition).count() >= 25
        assert Milestone.objects.filter(page=exhibition).count() >= 15
    en_exhibition = ExhibitionPage.objects.get(locale__language_code="en")
    assert en_exhibition.title == "The Fengqiao Experience Exhibition"
    assert Milestone.objects.filter(page=en_exhibition, text__startswith="Cadres and villagers").exists()
    assert (
        ExhibitPage.objects.get(locale__language_code="en", slug="instruction-2013").title == "Uphold it and develop it"
    )

    # Seeded pages are found by site search, in Chinese.
    html = client.get("/search/?q=四前工作法").content.decode()
    assert "“四前工作法”" in html

    # The showcase exhibit plays a captioned video in each language.
    html = client.get("/exhibition/new-era/instruction-2013/").content.decode()
    assert "<video controls" in html
    assert '<track kind="captions"' in html and 'srclang="zh-hans"' in html
    html = client.get("/en/exhibition/new-era/instruction-2013/").content.decode()
    assert '<track kind="subtitles"' in html and 'srclang="en"' in html
    assert "Transcript" in html

    # Both languages can be walked from "start the tour" to the end, every exhibit once.
    for prefix in ("", "/en"):
        entrance = client.get(f"{prefix}/exhibition/").content.decode()
        url = re.search(r'id="start-tour" href="([^"]+)"', entrance).group(1)
        visited = []
        while url:
            response = client.get(url)
            assert response.status_code == 200, url
            visited.append(url)
            match = re.search(r'<a rel="next" href="([^"]+)"', response.content.decode())
            url = match.group(1) if match else None
        expected = ExhibitPage.objects.live().filter(locale__language_code="zh-hans" if not prefix else "en")
        assert len(visited) == len(set(visited)) == expected.count() == 33
        assert all(url.startswith(f"{prefix}/exhibition/") for url in visited)

    # A second run changes nothing.
    from exhibits.demo import seed

    counts = (Page.objects.count(), Milestone.objects.count())
    seed()
    assert (Page.objects.count(), Milestone.objects.count()) == counts
