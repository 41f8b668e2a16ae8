"""The texts of the demo case library, read from ``library.toml`` and ``cases.toml``.

``load_content()`` parses both files, checks them against the schemas below
and checks the references: a case's field, level, region and dispute type are
known codes, its release and laws exist, and a case is either Chinese only or
has every text in English too (the loader publishes it in English then).
"""

from pathlib import Path

from college.core.demo import content
from college.core.demo.content import (
    Choice,
    Date,
    Html,
    Integer,
    Items,
    ListOf,
    Location,
    Mapping,
    Optional,
    Table,
    Text,
    Translated,
)

from ..default_lists import DISPUTE_TYPES, REGIONS
from ..models import CaseField, GovernanceLevel

CONTENT_DIR = Path(__file__).resolve().parent
# The texts of a case page that the English version must have too.
CASE_TEXTS = ("title", "subtitle", "keywords", "key_points", "facts", "handling", "result", "significance")

LIBRARY_SCHEMA = Table(
    library=Table(
        slug=Text(),
        title=Translated(Text()),
        intro=Translated(Html()),
        search_description=Translated(Text()),
    ),
    release=Items(
        "release",
        Table(slug=Text(), date_released=Date(), title=Translated(Text()), intro=Translated(Html())),
    ),
    laws=Mapping(Text()),
)

CHINESE_FIRST = {"english_optional": True}
CASES_SCHEMA = Table(
    case=Items(
        "case",
        Table(
            slug=Text(),
            field=Choice(CaseField.values),
            level=Choice(GovernanceLevel.values),
            region=Choice([code for code, _name, _name_en in REGIONS]),
            dispute_type=Choice([code for code, _name, _name_en in DISPUTE_TYPES]),
            date=Date(),
            release=Optional(Text()),
            release_order=Optional(Integer(0), default=0),
            laws=ListOf(Text(), unique=True),
            title=Translated(Text(), **CHINESE_FIRST),
            subtitle=Translated(Text(), **CHINESE_FIRST),
            keywords=Translated(ListOf(Text(), min_items=1, unique=True), **CHINESE_FIRST),
            key_points=Translated(Text(), **CHINESE_FIRST),
            facts=Translated(Text(), **CHINESE_FIRST),
            handling=Translated(Text(), **CHINESE_FIRST),
            result=Translated(Text(), **CHINESE_FIRST),
            significance=Translated(Text(), **CHINESE_FIRST),
        ),
    )
)


def has_english(case):
    """Whether ``case`` is also published in English (every text has ``.en``)."""
    return "en" in case["title"]


def load_content(directory=CONTENT_DIR):
    """``{"library", "releases", "laws", "cases"}`` from the two files, checked.

    Raises DemoContentError naming file, item and key when anything does not fit.
    """
    directory = Path(directory)
    library_file, cases_file = directory / "library.toml", directory / "cases.toml"
    library = content.read(library_file, LIBRARY_SCHEMA)
    cases = content.read(cases_file, CASES_SCHEMA)["case"]
    releases = content.unique(
        library["release"], "slug", lambda r: Location(library_file, f'release "{r["slug"]}"'), "release"
    )
    content.unique(cases, "slug", lambda c: Location(cases_file, f'case "{c["slug"]}"'), "case")
    for case in cases:
        where = Location(cases_file, f'case "{case["slug"]}"')
        if case["release"] is not None and case["release"] not in releases:
            raise where.key("release").error(f"no [[release]] {case['release']!r} in library.toml")
        if case["release"] is None and case["release_order"]:
            raise where.key("release_order").error("is only used with a release")
        for number, law in enumerate(case["laws"]):
            if law not in library["laws"]:
                raise where.key("laws").index(number).error(f"no law {law!r} in [laws] of library.toml")
        english = [name for name in CASE_TEXTS if "en" in case[name]]
        if english and len(english) != len(CASE_TEXTS):
            missing = next(name for name in CASE_TEXTS if name not in english)
            raise where.key(f"{missing}.en").error(
                f"missing: this case has English texts ({english[0]}.en), so every text needs one"
            )
    return {"library": library["library"], "releases": library["release"], "laws": library["laws"], "cases": cases}
