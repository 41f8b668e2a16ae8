import pytest

from .factories import build_exhibition, make_theme


@pytest.fixture
def themes(db):
    return [
        make_theme("mass-line", "群众路线", "The mass line", 1),
        make_theme("rule-of-law", "法治", "Rule of law", 2),
    ]


@pytest.fixture
def small_exhibition(home_page, themes):
    """3 halls × 3 exhibits; hall 2's exhibits carry the rule-of-law theme only."""
    exhibition, eras, exhibits = build_exhibition(home_page, eras=3, exhibits_per_era=3, themes=[themes[0]])
    for exhibit in exhibits[3:6]:
        exhibit.themes.set([themes[1]])
        exhibit.save()
    return exhibition, eras, exhibits
