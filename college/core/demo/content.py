"""Demo content files: read TOML and check it against a plain, explicit schema.

Every app keeps the texts of its demo in TOML files under ``<app>/demo/`` and
describes their shape with the specs below (``Text``, ``Html``, ``Translated``,
``Table``, ``Items`` …).  ``read(path, spec)`` parses a file and returns its
data with defaults filled in and rich text joined; anything that does not fit
raises ``DemoContentError`` with a message naming the file, the item and the
key, e.g. ``exhibits/demo/eras/birth.toml: exhibit "fengqiao-1963": key
'title.en': missing``.  Unknown keys are errors too, so that a typo in a key
cannot silently drop a text.  The apps' loaders add their own reference checks
(an exhibit's themes, a course's instructors …) with ``Location.error``.
"""

import datetime
import re
import string
import tomllib
from decimal import Decimal
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


class DemoContentError(ValueError):
    """A demo content file that cannot be read or does not fit its schema."""


def display_path(path):
    """``path`` relative to the project when it is inside it (shorter messages)."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


class Location:
    """Where in a content file a value sits: the file, the item (if any) and the dotted key."""

    def __init__(self, file, item="", key=""):
        self.file, self.item, self.key_path = display_path(file), item, key

    def key(self, name):
        return Location(self.file, self.item, f"{self.key_path}.{name}" if self.key_path else str(name))

    def index(self, number):
        return Location(self.file, self.item, f"{self.key_path}[{number}]")

    def at_item(self, label):
        return Location(self.file, label)

    def error(self, problem):
        """The error to raise for ``problem`` at this place."""
        parts = [self.file]
        if self.item:
            parts.append(self.item)
        if self.key_path:
            parts.append(f"key '{self.key_path}'")
        return DemoContentError(": ".join(parts + [problem]))


class Spec:
    """One kind of value.  ``check`` returns the value as the loader uses it or raises."""

    required = True
    default = None

    def check(self, value, where):  # pragma: no cover - every spec overrides it
        raise NotImplementedError


class Optional(Spec):
    """``spec``, or ``default`` when the key is left out."""

    required = False

    def __init__(self, spec, default=None):
        self.spec, self.default = spec, default

    def check(self, value, where):
        return self.spec.check(value, where)


def _kind(value):
    return {
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _expect(value, types, wanted, where):
    if isinstance(value, bool) and bool not in types:
        raise where.error(f"must be {wanted}, not {_kind(value)}")
    if not isinstance(value, types):
        raise where.error(f"must be {wanted}, not {_kind(value)}")
    return value


class Text(Spec):
    """A non-empty string on one line (``multiline=True`` allows line breaks)."""

    def __init__(self, multiline=False):
        self.multiline = multiline

    def check(self, value, where):
        _expect(value, (str,), "text", where)
        if not value.strip():
            raise where.error("is empty")
        if not self.multiline and "\n" in value:
            raise where.error("must be on one line")
        return value


BLOCK_TAGS = r"(?:p|ul|ol|li|h[2-6]|blockquote)"
BLOCK_START = re.compile(rf"^</?{BLOCK_TAGS}[\s>]")
BLOCK_END = re.compile(rf"(?:</{BLOCK_TAGS}>|<(?:ul|ol)>)$")


class Html(Text):
    """Rich text, written one block element per line; the lines are joined without separators.

    Every line must start with a block tag (``<p>``, ``<ul>``, ``<li>`` …) and
    end with a block's closing tag (or ``<ul>``/``<ol>``), so that a sentence
    broken across lines is caught instead of losing the space at the break.
    """

    def __init__(self):
        super().__init__(multiline=True)

    def check(self, value, where):
        super().check(value, where)
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):
            if not (BLOCK_START.match(line) and BLOCK_END.search(line)):
                raise where.error(
                    f"line {number} of the HTML must be whole blocks, from <p>, <ul> or <li> "
                    f"to </p>, </ul> or </li>: {line[:40]!r}"
                )
        return "".join(lines)


class Template(Text):
    """One-line text with ``{placeholders}``, only those the loader fills in."""

    def __init__(self, *fields):
        super().__init__()
        self.fields = set(fields)

    def check(self, value, where):
        super().check(value, where)
        try:
            used = {name for _text, name, _spec, _conv in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise where.error(f"has a broken placeholder ({exc})") from None
        unknown = used - self.fields
        if unknown:
            allowed = ", ".join(f"{{{name}}}" for name in sorted(self.fields)) or "none"
            raise where.error(f"unknown placeholder {{{sorted(unknown)[0]}}} (allowed: {allowed})")
        return value


class Integer(Spec):
    """A whole number, optionally within ``minimum``..``maximum``."""

    def __init__(self, minimum=None, maximum=None):
        self.minimum, self.maximum = minimum, maximum

    def check(self, value, where):
        _expect(value, (int,), "a whole number", where)
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            raise where.error(f"must be between {self.minimum} and {self.maximum}, not {value}")
        return value


class DecimalNumber(Spec):
    """A positive number (``1.5``), returned as a Decimal of what was written."""

    def check(self, value, where):
        _expect(value, (int, float), "a number", where)
        if value <= 0:
            raise where.error(f"must be more than 0, not {value}")
        return Decimal(str(value))


class Boolean(Spec):
    def check(self, value, where):
        return _expect(value, (bool,), "true or false", where)


class Date(Spec):
    """A TOML date (``1963-01-01``), no time of day."""

    def check(self, value, where):
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise where.error(f"must be a date like 2024-04-12, not {_kind(value)}")
        return value


class Time(Spec):
    """A TOML time of day (``09:30:00``)."""

    def check(self, value, where):
        if not isinstance(value, datetime.time):
            raise where.error(f"must be a time like 09:30:00, not {_kind(value)}")
        return value


class Choice(Spec):
    """Text that is one of ``values`` (a model's choices, a list's codes)."""

    def __init__(self, values):
        self.values = list(values)

    def check(self, value, where):
        _expect(value, (str,), "text", where)
        if value not in self.values:
            raise where.error(f"unknown value {value!r} (one of: {', '.join(self.values)})")
        return value


class ListOf(Spec):
    """A list whose items each fit ``spec``; ``length`` fixes its size, ``unique`` forbids repeats."""

    def __init__(self, spec, min_items=0, length=None, unique=False, convert=list):
        self.spec, self.min_items, self.length, self.unique, self.convert = spec, min_items, length, unique, convert

    def check(self, value, where):
        _expect(value, (list,), "a list", where)
        if self.length is not None and len(value) != self.length:
            raise where.error(f"must have {self.length} items, not {len(value)}")
        if len(value) < self.min_items:
            raise where.error(f"must have at least {self.min_items} item(s)")
        items = [self.spec.check(item, where.index(number)) for number, item in enumerate(value)]
        if self.unique:
            seen = set()
            for number, item in enumerate(items):
                if item in seen:
                    raise where.index(number).error(f"{item!r} is listed twice")
                seen.add(item)
        return self.convert(items)


def _check_keys(value, fields, where):
    unknown = [name for name in value if name not in fields]
    if unknown:
        raise where.key(unknown[0]).error(f"unknown key (known here: {', '.join(fields)})")
    checked = {}
    for name, spec in fields.items():
        if name in value:
            checked[name] = spec.check(value[name], where.key(name))
        elif spec.required:
            raise where.key(name).error("missing")
        else:
            checked[name] = spec.default
    return checked


class Table(Spec):
    """A table with exactly the keys of ``fields`` (optional ones may be left out)."""

    def __init__(self, **fields):
        self.fields = fields

    def check(self, value, where):
        _expect(value, (dict,), "a table", where)
        return _check_keys(value, self.fields, where)


class Translated(Spec):
    """The same text in both languages side by side: ``title.zh = …`` and ``title.en = …``.

    With ``english_optional`` a Chinese-only value is allowed; the result then has no ``en``.
    """

    def __init__(self, spec, english_optional=False):
        self.spec, self.english_optional = spec, english_optional

    def check(self, value, where):
        if not isinstance(value, dict):
            raise where.error(f"must be given per language ({where.key_path}.zh = …, {where.key_path}.en = …)")
        fields = {"zh": self.spec, "en": Optional(self.spec) if self.english_optional else self.spec}
        checked = _check_keys(value, fields, where)
        if checked["en"] is None and self.english_optional:
            del checked["en"]
        return checked


class Mapping(Spec):
    """A table of free keys (ids the data refers to), each value fitting ``spec``."""

    def __init__(self, spec, min_items=1):
        self.spec, self.min_items = spec, min_items

    def check(self, value, where):
        _expect(value, (dict,), "a table", where)
        if len(value) < self.min_items:
            raise where.error(f"must have at least {self.min_items} entry")
        return {name: self.spec.check(item, where.key(name)) for name, item in value.items()}


class Items(Spec):
    """An array of tables (``[[exhibit]]``); errors name the item by its ``label_key`` (or number)."""

    def __init__(self, noun, table, label_key="slug", min_items=1):
        self.noun, self.table, self.label_key, self.min_items = noun, table, label_key, min_items

    def label(self, raw, number):
        value = raw
        for part in self.label_key.split("."):  # "name.zh" names an item by its Chinese name
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            return f'{self.noun} "{value}"'
        return f"{self.noun} {number + 1}"

    def check(self, value, where):
        _expect(value, (list,), f"a list of [[{where.key_path}]] tables", where)
        if len(value) < self.min_items:
            raise where.error(f"needs at least {self.min_items} [[{where.key_path}]] entry")
        items = []
        for number, raw in enumerate(value):
            # A top-level [[exhibit]] is named by its slug; a nested one by its key path.
            top_level = not where.item and "." not in where.key_path
            item_where = where.at_item(self.label(raw, number)) if top_level else where.index(number)
            items.append(self.table.check(raw, item_where))
        return items


def parse(path):
    """The TOML of ``path`` as a dict; a missing file or a syntax error names the file."""
    where = Location(path)
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise where.error("file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise where.error(f"not valid TOML ({exc})") from None


def read(path, spec):
    """Parse ``path`` and check it against ``spec`` (a ``Table``); returns the checked data."""
    return spec.check(parse(path), Location(path))


def unique(items, key, where_of, noun):
    """Raise unless every item's ``key`` is different; ``where_of(item)`` locates an item."""
    seen = set()
    for item in items:
        if item[key] in seen:
            raise where_of(item).key(key).error(f"{noun} {item[key]!r} appears twice")
        seen.add(item[key])
    return seen
