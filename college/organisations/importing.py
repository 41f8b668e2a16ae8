"""Importing a unit list (CSV or XLSX): every row valid, or nothing stored, with a per-row report.

Columns, named in the first row in Chinese or English (any order): code, name, English name,
type, parent code.  A row whose code exists updates that unit (name, English name, type, and
its place when the parent code differs); a new code adds a unit.  The parent may be an existing
unit or a row of the same file, above or below; an empty parent code makes a top-level unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from college.core.spreadsheets import SpreadsheetError, read_table

from . import services
from .models import Unit, UnitType, validate_unit_code

COLUMNS = {
    "code": ("code", "unit code", "编码", "代码", "单位编码", "单位代码"),
    "name": ("name", "unit name", "名称", "单位名称", "中文名称"),
    "name_en": ("english name", "name (english)", "name_en", "英文名称", "英文名"),
    "type": ("type", "unit type", "类型", "单位类型"),
    "parent": ("parent code", "parent", "上级编码", "上级单位编码", "上级代码", "上级单位"),
}
REQUIRED_COLUMNS = ("code", "name")


def max_bytes() -> int:
    return int(getattr(settings, "COLLEGE_UNIT_IMPORT_MAX_BYTES", 2 * 1024 * 1024))


def max_rows() -> int:
    return int(getattr(settings, "COLLEGE_UNIT_IMPORT_MAX_ROWS", 5000))


class ImportFileError(Exception):
    """The file as a whole cannot be imported (wrong kind, no header, too long)."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


@dataclass
class ImportRow:
    line: int
    code: str
    name: str
    name_en: str
    unit_type: str
    parent: str
    problems: list = field(default_factory=list)
    action: str = ""  # "created" / "updated" / "unchanged", once imported


@dataclass
class ImportResult:
    rows: list

    @property
    def bad_rows(self) -> list:
        return [row for row in self.rows if row.problems]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.bad_rows

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def _type_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in UnitType.choices:
        lookup[value.lower()] = value
        lookup[str(label).lower()] = value
    # Labels in both languages, and the everyday short forms, whatever language the screen is in.
    from django.utils import translation

    for language in ("zh-hans", "en"):
        with translation.override(language):
            for value, label in UnitType.choices:
                lookup[str(label).lower()] = value
    lookup.update(
        {
            "政法委": UnitType.POLITICAL_LEGAL,
            "党委政法委": UnitType.POLITICAL_LEGAL,
            "法院": UnitType.COURT,
            "人民法院": UnitType.COURT,
            "检察院": UnitType.PROCURATORATE,
            "人民检察院": UnitType.PROCURATORATE,
            "公安": UnitType.PUBLIC_SECURITY,
            "公安局": UnitType.PUBLIC_SECURITY,
            "派出所": UnitType.PUBLIC_SECURITY,
            "司法": UnitType.JUSTICE,
            "司法局": UnitType.JUSTICE,
            "司法所": UnitType.JUSTICE,
            "村": UnitType.VILLAGE,
            "社区": UnitType.VILLAGE,
            "村/社区": UnitType.VILLAGE,
            "政府": UnitType.GOVERNMENT,
            "党委政府": UnitType.GOVERNMENT,
            "其他": UnitType.OTHER,
        }
    )
    return lookup


def _header_map(header: list[str]) -> dict[str, int]:
    names = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}
    mapping = {}
    for index, cell in enumerate(header):
        key = names.get(" ".join(str(cell).strip().lower().split()))
        if key and key not in mapping:
            mapping[key] = index
    missing = [key for key in REQUIRED_COLUMNS if key not in mapping]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns: code, name, English name, type, parent code (编码, 名称, 英文名称, 类型, 上级编码)."
            )
        )
    return mapping


def read_rows(upload) -> list[ImportRow]:
    """The rows of an uploaded unit list, each checked on its own (no database writes)."""
    try:
        table = read_table(upload, max_bytes=max_bytes(), max_rows=max_rows(), max_columns=20)
    except SpreadsheetError as error:
        raise ImportFileError(error.message) from None
    if not table:
        raise ImportFileError(_("The file is empty."))
    mapping = _header_map(table[0])
    body = [(number, cells) for number, cells in enumerate(table[1:], start=2) if any(str(c).strip() for c in cells)]
    if not body:
        raise ImportFileError(_("The file has no units below the header row."))
    if len(body) > max_rows():
        raise ImportFileError(_("The file has more than %(max)d units; split it.") % {"max": max_rows()})

    def cell(cells, key):
        index = mapping.get(key)
        return str(cells[index]).strip() if index is not None and index < len(cells) else ""

    types = _type_lookup()
    rows = []
    for number, cells in body:
        row = ImportRow(
            line=number,
            code=services.normalise_code(cell(cells, "code")),
            name=cell(cells, "name"),
            name_en=cell(cells, "name_en"),
            unit_type=cell(cells, "type"),
            parent=services.normalise_code(cell(cells, "parent")),
        )
        if not row.code:
            row.problems.append(_("The unit's code is missing."))
        else:
            try:
                validate_unit_code(row.code)
            except ValidationError as error:
                row.problems.extend(error.messages)
            if len(row.code) > 40:
                row.problems.append(_("The code is longer than 40 characters."))
        if not row.name:
            row.problems.append(_("The unit's name is missing."))
        elif len(row.name) > 100:
            row.problems.append(_("The name is longer than 100 characters."))
        if len(row.name_en) > 200:
            row.problems.append(_("The English name is longer than 200 characters."))
        if row.unit_type:
            value = types.get(row.unit_type.lower())
            if value is None:
                row.problems.append(
                    _("Unknown type “%(type)s”: use one of %(types)s.")
                    % {"type": row.unit_type, "types": "、".join(str(label) for _v, label in UnitType.choices)}
                )
            else:
                row.unit_type = value
        else:
            row.unit_type = UnitType.OTHER
        if row.parent and row.parent == row.code:
            row.problems.append(_("A unit cannot be its own parent."))
        rows.append(row)
    return rows


def _check_tree(rows: list[ImportRow]) -> dict[str, str]:
    """Duplicate codes, unknown parents and cycles, against the units stored and the file itself.

    Returns the parent code of every code once the file is applied ("" for a top-level unit).
    """
    seen: dict[str, int] = {}
    for row in rows:
        if row.code in seen:
            row.problems.append(
                _("The code %(code)s is also on line %(line)d.") % {"code": row.code, "line": seen[row.code]}
            )
        else:
            seen[row.code] = row.line
    stored = {code: path for code, path in Unit.objects.values_list("code", "path")}
    code_of_path = {path: code for code, path in stored.items()}
    # The parent of every code once the file is applied: the file's word for its rows, the
    # stored tree's for the rest.
    parent_of = {code: code_of_path.get(path[: -Unit.steplen], "") for code, path in stored.items()}
    inactive = set(Unit.objects.filter(active=False).values_list("code", flat=True))
    for row in rows:
        if row.code in seen and seen[row.code] == row.line:
            parent_of[row.code] = row.parent
    for row in rows:
        if not row.parent or row.parent == row.code:
            continue
        if row.parent not in parent_of:
            row.problems.append(
                _("No unit has the parent code %(code)s, in the file or stored.") % {"code": row.parent}
            )
            continue
        if row.parent in inactive:
            row.problems.append(_("The parent unit %(code)s is inactive.") % {"code": row.parent})
        # Walk up: back at this row's own code is a circle through it; a circle further up is
        # reported on the rows that form it.
        walked, current = set(), row.parent
        while current and current not in walked:
            if current == row.code:
                row.problems.append(
                    _("The parent codes go round in a circle: %(code)s ends up below itself.") % {"code": row.code}
                )
                break
            walked.add(current)
            current = parent_of.get(current, "")
    return parent_of


def _depth(code: str, parent_of: dict[str, str]) -> int:
    depth, current = 0, parent_of.get(code, "")
    while current:
        depth += 1
        current = parent_of.get(current, "")
    return depth


def import_units(upload) -> ImportResult:
    """Check every row of ``upload`` and, when all are valid, add or update the units in one
    transaction (parents before children).  Raises ImportFileError for a file that cannot be read."""
    rows = read_rows(upload)
    parent_of = _check_tree(rows)
    result = ImportResult(rows=rows)
    if not result.ok:
        return result
    with transaction.atomic():
        for row in sorted(rows, key=lambda r: (_depth(r.code, parent_of), r.line)):
            # Paths change as units are added and moved: look every unit up afresh.
            parent = Unit.objects.get(code=row.parent) if row.parent else None
            unit = Unit.objects.filter(code=row.code).first()
            if unit is None:
                services.create_unit(parent, code=row.code, name=row.name, name_en=row.name_en, unit_type=row.unit_type)
                row.action = "created"
                continue
            current_parent = unit.get_parent()
            same_place = (current_parent.code if current_parent else "") == row.parent
            if same_place and (unit.name, unit.name_en, unit.unit_type) == (row.name, row.name_en, row.unit_type):
                row.action = "unchanged"
                continue
            unit.name, unit.name_en, unit.unit_type = row.name, row.name_en, row.unit_type
            services.update_unit(unit, parent)
            row.action = "updated"
    return result
