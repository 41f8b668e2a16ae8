"""Helpers of the demo-content schema tests: a copy of an app's data files with one edit."""

import shutil
from pathlib import Path

import pytest

from college.core.demo.content import DemoContentError


def copy_content(source, target):
    """Copy every ``*.toml`` under ``source`` to ``target``, keeping the folders; returns ``target``."""
    source, target = Path(source), Path(target)
    for path in source.rglob("*.toml"):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return target


def edit(path, old, new, every=False):
    """Replace the first ``old`` (or ``every`` one) in the file ``path`` by ``new``; ``old`` must be there."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, -1 if every else 1), encoding="utf-8")


def assert_rejected(load, directory, *fragments):
    """``load(directory)`` raises DemoContentError whose message has every fragment (file, item, key …)."""
    with pytest.raises(DemoContentError) as caught:
        load(directory)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message
