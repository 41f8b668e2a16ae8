"""The visit-booking demo texts are a data file: it parses, fits its schema and has the halls the demo needs."""

import shutil

import pytest

from college.visits.demo import CONTENT_FILE, FALLBACK_HALL, HISTORY_HALL, load_content
from tests.demo_files import assert_rejected, edit


def test_the_shipped_file_has_halls_with_hours_guides_units_and_texts():
    data = load_content()
    assert {FALLBACK_HALL, HISTORY_HALL} <= set(data["hall"])
    assert data["hall"][HISTORY_HALL]["meeting_room"] and data["hall"][HISTORY_HALL]["capacity"] == 120
    assert all(hall["opening"] for hall in data["hall"].values())
    assert len(data["guide"]) == 4 and all(guide["name"]["en"] for guide in data["guide"])
    assert len(data["unit"]) == 12 and data["requests"]["decline_reasons"]


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "visits.toml"
    shutil.copyfile(CONTENT_FILE, path)
    return path


@pytest.mark.parametrize(
    "old, new, fragments",
    [
        (
            'unit_type = "party_government"',
            'unit_type = "government"',
            ["visits.toml: unit \"浙江省委政法委\": key 'unit_type': unknown value 'government'"],
        ),
        (
            "start = 09:00:00\nend = 10:30:00",
            "start = 10:30:00\nend = 09:00:00",
            ["key 'hall.exhibition-hall.opening[0].end': must be after start (10:30)"],
        ),
        (
            "weekdays = [2, 4]",
            "weekdays = [2, 7]",
            ["key 'hall.lecture-hall.opening[0].weekdays[1]': must be between 0 and 6"],
        ),
        (
            "capacity = 60",
            "capacity = true",
            ["key 'hall.exhibition-hall.capacity': must be a whole number, not true/false"],
        ),
        ('name.en = "Chen Xiaoyan"\n', "", ["visits.toml: guide \"陈晓燕\": key 'name.en': missing"]),
        ('purpose = "', 'purpos = "', ["visits.toml: key 'requests.purpos': unknown key"]),
    ],
)
def test_a_broken_file_is_rejected_naming_file_item_and_key(copy, old, new, fragments):
    edit(copy, old, new)
    assert_rejected(load_content, copy, *fragments)


def test_a_hall_the_demo_needs_cannot_be_renamed_away(copy):
    edit(copy, "hall.lecture-hall", "hall.lecture-room", every=True)
    assert_rejected(load_content, copy, "visits.toml: key 'hall.lecture-hall': missing (the demo places requests")
