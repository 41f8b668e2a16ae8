"""Every Chinese catalogue of the project is complete: no untranslated or fuzzy entry."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p
    for p in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/*.po")
    if ".venv" not in p.parts and "node_modules" not in p.parts
)


def test_every_app_has_a_chinese_catalogue():
    # .../<owner>/locale/zh_Hans/LC_MESSAGES/django.po
    owners = {"/".join(p.relative_to(ROOT).parts[:-4]) or "locale" for p in CATALOGUES}
    assert {
        "locale",
        "exhibits",
        "courses",
        "cases",
        "college/visits",
        "college/certificates",
        "college/organisations",
    } <= owners


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_fully_translated(catalogue):
    result = subprocess.run(
        ["msgfmt", "--statistics", "--check-format", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
