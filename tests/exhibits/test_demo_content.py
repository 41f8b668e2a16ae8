"""The exhibition's demo texts are data files: they parse, fit their schema and refer to what exists."""

import pytest

from exhibits.demo.content import CONTENT_DIR, load_content
from tests.demo_files import assert_rejected, copy_content, edit


def test_the_shipped_files_hold_the_whole_exhibition_in_both_languages():
    data = load_content()
    eras = data["eras"]
    assert [era["slug"] for era in eras][:2] == ["birth", "reform-by-the-people"]
    assert len(eras) == 7 and sum(len(era["exhibits"]) for era in eras) == 33
    assert len(data["milestones"]) == 19 and len(data["themes"]) == 6
    exhibit = eras[0]["exhibits"][0]
    assert exhibit["title"] == {"zh": "枫桥的干部群众", "en": "The cadres and people of Fengqiao"}
    # Rich text is written one block per line and joined without separators.
    assert exhibit["body"]["en"].startswith("<p>In 1963 the cadres") and "</p><p>" in exhibit["body"]["en"]
    for era in eras:
        for item in [era, *era["exhibits"]]:
            assert all(item[key]["zh"].strip() and item[key]["en"].strip() for key in ("title", "summary"))


@pytest.fixture
def copy(tmp_path):
    return copy_content(CONTENT_DIR, tmp_path)


@pytest.mark.parametrize(
    "file, old, new, fragments",
    [
        (  # a typo in a key
            "eras/birth.toml",
            "featured = true",
            "featurd = true",
            ["eras/birth.toml: exhibit \"fengqiao-1963\": key 'featurd': unknown key"],
        ),
        (  # a missing translation
            "eras/birth.toml",
            'title.en = "The cadres and people of Fengqiao"\n',
            "",
            ["eras/birth.toml: exhibit \"fengqiao-1963\": key 'title.en': missing"],
        ),
        (
            "eras/birth.toml",
            'themes = ["mass-line"]',
            'themes = ["mass-lines"]',
            ["exhibit \"fengqiao-1963\": key 'themes[0]': no [[theme]] 'mass-lines'"],
        ),
        (
            "eras/birth.toml",
            'precision = "year"',
            'precision = "century"',
            ["key 'precision': unknown value 'century'"],
        ),
        ("eras/birth.toml", "year_from = 1963", 'year_from = "1963"', ["key 'year_from': must be a whole number"]),
        ("eras/birth.toml", "date = 1963-01-01", 'date = "1963"', ["key 'date': must be a date"]),
        (  # a sentence broken across lines of rich text
            "eras/reform-by-the-people.toml",
            "<p>The “three managements” were plain and practical:</p>",
            "<p>The “three managements” were plain\nand practical:</p>",
            ["exhibit \"head-feet-belly\": key 'body.en': line 1 of the HTML must be whole blocks"],
        ),
        ("eras/birth.toml", 'slug = "few-arrests-good-order"', 'slug = "fengqiao-1963"', ["another exhibit"]),
        (
            "exhibition.toml",
            'exhibit = "fengqiao-1963"',
            'exhibit = "fengqiao-1964"',
            ["exhibition.toml: milestone 1 (1963-01-01): key 'exhibit': no exhibit 'fengqiao-1964'"],
        ),
        (
            "exhibition.toml",
            'exhibit = "instruction-2013"',
            'exhibit = "instruction-2031"',
            ["exhibition.toml: key 'showcase.exhibit': no exhibit 'instruction-2031'"],
        ),
        ("exhibition.toml", '    "birth",\n', '    "births",\n', ["eras/births.toml: file not found"]),
        (
            "exhibition.toml",
            '    "birth",\n',
            "",
            ["exhibition.toml: key 'exhibition.eras': does not list 'birth'"],
        ),
        (
            "exhibition.toml",
            "“{title}”，画面上有石桥和枫叶",
            "“{titel}”，画面上有石桥和枫叶",
            ["key 'poster_alt.zh': unknown placeholder {titel}"],
        ),
        ("exhibition.toml", "[exhibition]", "[exhibition", ["exhibition.toml: not valid TOML"]),
        ("eras/birth.toml", "year_to = 1963", "year_to = 1962", ["key 'year_to': the era cannot end before"]),
    ],
)
def test_a_broken_file_is_rejected_naming_file_item_and_key(copy, file, old, new, fragments):
    edit(copy / file, old, new)
    assert_rejected(load_content, copy, *fragments)
