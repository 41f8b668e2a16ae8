"""The texts of the demo exhibition, read from ``exhibition.toml`` and ``eras/<slug>.toml``.

``load_content()`` parses every file, checks it against the schemas below and
checks the references between them (an era listed has its file, an exhibit's
themes exist, a milestone or the showcase names an existing exhibit).  Facts
come from shared/domain.md and the 2021 article in China Social Sciences; the
sentences are our own.
"""

from pathlib import Path

from college.core.demo import content
from college.core.demo.content import (
    Boolean,
    Choice,
    Date,
    Html,
    Integer,
    Items,
    ListOf,
    Location,
    Optional,
    Table,
    Template,
    Text,
    Translated,
)

from ..dates import DATE_PRECISIONS

CONTENT_DIR = Path(__file__).resolve().parent
PRECISION = Choice([value for value, _label in DATE_PRECISIONS])
COLOUR = ListOf(Integer(0, 255), length=3, convert=tuple)
SLUGS = ListOf(Text(), unique=True)

EXHIBITION_SCHEMA = Table(
    exhibition=Table(
        slug=Text(),
        title=Translated(Text()),
        intro=Translated(Html()),
        visit_note=Translated(Text()),
        search_description=Translated(Text()),
        cover_alt=Translated(Text()),
        poster=Table(label=Text(), colour=COLOUR),
        eras=ListOf(Text(), min_items=1, unique=True),
    ),
    poster_alt=Translated(Template("label", "title")),
    theme=Items("theme", Table(slug=Text(), name=Translated(Text()))),
    showcase=Table(
        exhibit=Text(),
        quote=Table(text=Translated(Text()), source=Translated(Text())),
        figure=Table(number=Text(), label=Translated(Text())),
        video=Table(title=Translated(Text()), transcript=Translated(Html())),
        gallery=Table(
            title=Translated(Text()),
            image=Items(
                "gallery image",
                Table(
                    year=Text(),
                    poster=Translated(Text()),
                    colour=COLOUR,
                    alt_text=Translated(Text()),
                    caption=Translated(Text()),
                    credit=Translated(Text()),
                ),
                label_key="year",
            ),
        ),
        document=Table(title=Translated(Text()), description=Translated(Text())),
    ),
    milestone=Items(
        "milestone",
        Table(date=Date(), precision=PRECISION, exhibit=Optional(Text()), text=Translated(Text())),
    ),
)

EXHIBIT_SCHEMA = Table(
    slug=Text(),
    date=Date(),
    end=Optional(Date()),
    precision=PRECISION,
    place=Translated(Text()),
    themes=SLUGS,
    featured=Optional(Boolean(), default=False),
    title=Translated(Text()),
    summary=Translated(Text()),
    body=Translated(Html()),
    figure=Optional(Table(number=Text(), label=Translated(Text()))),
)

ERA_SCHEMA = Table(
    year_from=Integer(1900, 2100),
    year_to=Integer(1900, 2100),
    colour=COLOUR,
    title=Translated(Text()),
    summary=Translated(Text()),
    intro=Translated(Html()),
    exhibit=Items("exhibit", EXHIBIT_SCHEMA),
)


def era_file(directory, slug):
    """The file of the era ``slug``."""
    return Path(directory) / "eras" / f"{slug}.toml"


def load_content(directory=CONTENT_DIR):
    """The whole exhibition: ``{"exhibition", "poster_alt", "themes", "showcase", "milestones", "eras"}``.

    Each era carries its ``slug`` (its file name) and its ``exhibits``.  Raises
    DemoContentError naming file, item and key when anything does not fit.
    """
    directory = Path(directory)
    index_file = directory / "exhibition.toml"
    data = content.read(index_file, EXHIBITION_SCHEMA)
    eras = []
    for slug in data["exhibition"]["eras"]:
        path = era_file(directory, slug)
        era = content.read(path, ERA_SCHEMA)
        if era["year_to"] < era["year_from"]:
            raise Location(path).key("year_to").error(f"the era cannot end before it begins ({era['year_from']})")
        era["slug"] = slug
        era["exhibits"] = era.pop("exhibit")
        era["file"] = path
        eras.append(era)
    listed = {era_file(directory, era["slug"]).name for era in eras}
    for stray in sorted((directory / "eras").glob("*.toml")):
        if stray.name not in listed:
            raise (
                Location(index_file)
                .key("exhibition.eras")
                .error(f"does not list {stray.stem!r}, whose file eras/{stray.name} exists")
            )
    result = {
        "exhibition": data["exhibition"],
        "poster_alt": data["poster_alt"],
        "themes": data["theme"],
        "showcase": data["showcase"],
        "milestones": data["milestone"],
        "eras": eras,
    }
    _check_references(result, index_file)
    return result


def _check_references(data, index_file):
    themes = content.unique(data["themes"], "slug", lambda t: Location(index_file, f'theme "{t["slug"]}"'), "theme")
    exhibits = set()
    for era in data["eras"]:
        for exhibit in era["exhibits"]:
            where = Location(era["file"], f'exhibit "{exhibit["slug"]}"')
            if exhibit["slug"] in exhibits:
                raise where.key("slug").error("another exhibit has this slug (slugs are unique in the exhibition)")
            exhibits.add(exhibit["slug"])
            for number, theme in enumerate(exhibit["themes"]):
                if theme not in themes:
                    raise where.key("themes").index(number).error(f"no [[theme]] {theme!r} in exhibition.toml")
            if exhibit["end"] is not None and exhibit["end"] < exhibit["date"]:
                raise where.key("end").error("the end date cannot be before the start date")
    for number, milestone in enumerate(data["milestones"]):
        if milestone["exhibit"] is not None and milestone["exhibit"] not in exhibits:
            where = Location(index_file, f"milestone {number + 1} ({milestone['date']})")
            raise where.key("exhibit").error(f"no exhibit {milestone['exhibit']!r} in eras/*.toml")
    if data["showcase"]["exhibit"] not in exhibits:
        raise (
            Location(index_file)
            .key("showcase.exhibit")
            .error(f"no exhibit {data['showcase']['exhibit']!r} in eras/*.toml")
        )
