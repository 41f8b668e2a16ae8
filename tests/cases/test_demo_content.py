"""The case library's demo texts are data files: they parse, fit their schema and refer to what exists."""

import pytest

from cases.demo.content import CONTENT_DIR, has_english, load_content
from cases.models import CaseField, GovernanceLevel
from tests.demo_files import assert_rejected, copy_content, edit


def test_the_shipped_files_hold_every_case_with_known_codes_and_laws():
    data = load_content()
    cases = data["cases"]
    assert len(cases) == 43 and len(data["releases"]) == 3
    assert {case["field"] for case in cases} == set(CaseField.values)
    assert {case["level"] for case in cases} == set(GovernanceLevel.values)
    english = [case for case in cases if has_english(case)]
    assert len(english) == 9
    assert all(case["facts"]["en"] and case["keywords"]["en"] for case in english)
    first = cases[0]
    assert first["release"] == "release-2024-1" and first["laws"] == ["police", "mediation"]
    assert data["laws"]["police"] == "《中华人民共和国治安管理处罚法》第九条"


@pytest.fixture
def copy(tmp_path):
    return copy_content(CONTENT_DIR, tmp_path)


CASE = 'case "police-butler-rental-dispute"'


@pytest.mark.parametrize(
    "file, old, new, fragments",
    [
        ("cases.toml", "keywords.zh = [", "keyword.zh = [", [f"cases.toml: {CASE}: key 'keyword': unknown key"]),
        (
            "cases.toml",
            'facts.en = "When a migrant worker',
            'facts_en = "When a migrant worker',
            [f"cases.toml: {CASE}: key 'facts_en': unknown key"],
        ),
        (  # an English case that misses one English text
            "cases.toml",
            'subtitle.en = "A Fengqiao-style police station takes its service to rented rooms"\n',
            "",
            [f"cases.toml: {CASE}: key 'subtitle.en': missing: this case has English texts"],
        ),
        (
            "cases.toml",
            'release = "release-2024-1"',
            'release = "release-2042-1"',
            [f"{CASE}: key 'release': no [[release]] 'release-2042-1' in library.toml"],
        ),
        (
            "cases.toml",
            'laws = ["police", "mediation"]',
            'laws = ["police", "mediaton"]',
            [f"{CASE}: key 'laws[1]': no law 'mediaton'"],
        ),
        ("cases.toml", 'region = "zhuji"', 'region = "hangzhou"', [f"{CASE}: key 'region': unknown value 'hangzhou'"]),
        ("cases.toml", 'field = "police_station"', 'field = "police"', [f"{CASE}: key 'field': unknown value"]),
        ("cases.toml", "date = 2024-04-12", "date = 2024-04-31", ["cases.toml: not valid TOML"]),
        (
            "cases.toml",
            'slug = "peoples-diary-water-pipe"',
            'slug = "police-butler-rental-dispute"',
            ["case 'police-butler-rental-dispute' appears twice"],
        ),
        (
            "library.toml",
            'title.en = "Typical Cases"\n',
            "",
            ["library.toml: key 'library.title.en': missing"],
        ),
        ("library.toml", "date_released = 2024-11-20", 'date_released = "2024-11-20"', ["must be a date"]),
    ],
)
def test_a_broken_file_is_rejected_naming_file_item_and_key(copy, file, old, new, fragments):
    edit(copy / file, old, new)
    assert_rejected(load_content, copy, *fragments)


def test_an_edited_text_is_what_the_loader_returns(copy):
    edit(copy / "cases.toml", 'title.zh = "“警务管家”', 'title.zh = "社区民警')
    assert load_content(copy)["cases"][0]["title"]["zh"].startswith("社区民警上门化解")
