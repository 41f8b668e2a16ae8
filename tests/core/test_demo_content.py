"""Demo content as data: the home page's file, the shared schema checks, and that the files ship."""

import fnmatch
import shutil
import tomllib
from pathlib import Path

import pytest

from college.core.demo import HOME_FILE, load_home
from college.core.demo import content as schema
from tests.demo_files import assert_rejected, edit

ROOT = Path(__file__).resolve().parents[2]


def test_the_home_page_file_has_every_text_in_both_languages():
    home = load_home()
    assert home["title"] == {"zh": "绍兴枫桥学院", "en": "Shaoxing Fengqiao College"}
    assert home["intro"]["zh"].startswith("<p>") and "</p><p>" in home["intro"]["zh"]
    assert home["facts"]["en"].startswith("<ul><li>") and home["facts"]["en"].endswith("</li></ul>")


@pytest.fixture
def home_copy(tmp_path):
    path = tmp_path / "home.toml"
    shutil.copyfile(HOME_FILE, path)
    return path


@pytest.mark.parametrize(
    "old, new, fragments",
    [
        ("kicker.en", "kiker.en", ["home.toml: key 'kiker': unknown key"]),
        ('title.en = "Shaoxing Fengqiao College"\n', "", ["home.toml: key 'title.en': missing"]),
        ('title.en = "Shaoxing Fengqiao College"', 'title.en = ""', ["home.toml: key 'title.en': is empty"]),
        (
            "<li><b>15,000</b> cadres",
            "<li><b>15,000</b>\ncadres",
            ["key 'facts.en': line 3 of the HTML must be whole blocks"],
        ),
        ('slug = "home"', 'slug = "home', ["home.toml: not valid TOML"]),
    ],
)
def test_a_broken_home_file_is_rejected_naming_file_and_key(home_copy, old, new, fragments):
    edit(home_copy, old, new)
    assert_rejected(load_home, home_copy, *fragments)


def test_a_missing_file_is_named(tmp_path):
    assert_rejected(load_home, tmp_path / "home.toml", "home.toml: file not found")


def test_english_may_be_optional_but_never_a_third_language(tmp_path):
    spec = schema.Table(title=schema.Translated(schema.Text(), english_optional=True))
    path = tmp_path / "x.toml"
    path.write_text('title.zh = "标题"\n', encoding="utf-8")
    assert schema.read(path, spec) == {"title": {"zh": "标题"}}
    path.write_text('title.zh = "标题"\ntitle.fr = "Titre"\n', encoding="utf-8")
    assert_rejected(lambda p: schema.read(p, spec), path, "x.toml: key 'title.fr': unknown key")
    path.write_text('title = "标题"\n', encoding="utf-8")
    assert_rejected(lambda p: schema.read(p, spec), path, "key 'title': must be given per language (title.zh")


# ---------------------------------------------------------------------------
# The data files ship with the code: pyproject's package data covers each one.
# ---------------------------------------------------------------------------
DEMO_PACKAGES = ["college/core/demo", "college/accounts/demo", "college/visits/demo", "exhibits/demo", "cases/demo"]
DEMO_PACKAGES += ["courses/demo"]


def _package_data():
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]["package-data"]


def _data_files(package_dir):
    return [
        path.relative_to(package_dir).as_posix()
        for path in package_dir.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]


@pytest.mark.parametrize("package", DEMO_PACKAGES)
def test_every_demo_data_file_is_declared_as_package_data(package):
    package_dir = ROOT / package
    assert (package_dir / "__init__.py").exists()
    patterns = _package_data().get(package.replace("/", "."), [])
    files = _data_files(package_dir)
    assert any(name.endswith(".toml") for name in files)
    undeclared = [name for name in files if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert undeclared == [], f"add to [tool.setuptools.package-data] {package.replace('/', '.')!r}: {undeclared}"
