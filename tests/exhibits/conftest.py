import pytest

from .factories import ThemeFactory, build_exhibition


@pytest.fixture
def themes(db):
    return [
        ThemeFactory(slug="mass-line", name="群众路线", name_en="The mass line", sort_order=1),
        ThemeFactory(slug="rule-of-law", name="法治", name_en="Rule of law", sort_order=2),
    ]


@pytest.fixture
def small_exhibition(home_page, themes):
    """3 halls × 3 exhibits; hall 2's exhibits carry the rule-of-law theme only."""
    exhibition, eras, exhibits = build_exhibition(home_page, eras=3, exhibits_per_era=3, themes=[themes[0]])
    for exhibit in exhibits[3:6]:
        exhibit.themes.set([themes[1]])
        exhibit.save()
    return exhibition, eras, exhibits
