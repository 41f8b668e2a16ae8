"""Spreadsheets in and out: the one reader every import uses and the writers of every export.

Reading (rosters, unit lists, case imports) accepts CSV in UTF-8, UTF-8 with a BOM or GB18030
(what Excel writes on Chinese Windows) and XLSX, decided by the file's *content* as well as its
name, with bounds checked before parsing: the upload's size, the XLSX's uncompressed size
(a 142 KB workbook can hold 20 MB of sheet XML), rows and columns.

Writing (CSV with a BOM so that Excel opens Chinese text, XLSX) neutralises text that a
spreadsheet would run as a formula (``=HYPERLINK(…)`` typed into a booking form), as OWASP
recommends: a leading ``'`` before ``= + - @``, tab or carriage return.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Sheet XML per row of a real roster is well under 1 KB; this leaves room for wide rows and
#: styles while refusing workbooks that unpack to many megabytes of XML.
XLSX_BYTES_PER_ROW = 4096
XLSX_MIN_UNCOMPRESSED = 2 * 1024 * 1024
MAX_ZIP_MEMBERS = 500


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; ``message`` says why in the user's language."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def kind_of(name: str, data: bytes) -> str | None:
    """``"xlsx"`` or ``"csv"`` when the content is what the name says, else None."""
    name = (name or "").lower()
    if name.endswith(".xlsx"):
        return "xlsx" if data[:4] == b"PK\x03\x04" else None
    if name.endswith(".csv"):
        return "csv" if data[:4] != b"PK\x03\x04" and b"\x00" not in data else None
    return None


def decode_text(data: bytes) -> str:
    """Text of a CSV file in UTF-8 (with or without BOM) or GB18030."""
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise SpreadsheetError(_("The CSV file could not be read; save it as UTF-8 or as “CSV (逗号分隔)” from Excel."))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _read_csv(data: bytes, max_rows: int, max_columns: int) -> list[list[str]]:
    text = decode_text(data)
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text)):
            rows.append(row[:max_columns])
            if len(rows) > max_rows:
                break
    except csv.Error:
        raise SpreadsheetError(_("The CSV file could not be read; save it as UTF-8.")) from None
    return rows


def _check_zip(data: bytes, max_uncompressed: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetError(_("The XLSX file could not be opened.")) from None
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise SpreadsheetError(_("The file is not an Excel workbook (.xlsx)."))
    if len(members) > MAX_ZIP_MEMBERS or sum(member.file_size for member in members) > max_uncompressed:
        raise SpreadsheetError(
            _("The workbook holds more data than a list of this kind can; split it or save it as CSV.")
        )


def _read_xlsx(data: bytes, max_rows: int, max_columns: int, max_uncompressed: int) -> list[list[str]]:
    _check_zip(data, max_uncompressed)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = []
            for cells in sheet.iter_rows(max_col=max_columns, values_only=True):
                row = [_cell_text(value) for value in cells]
                while row and row[-1] == "":  # iter_rows pads every row to max_col
                    row.pop()
                rows.append(row)
                if len(rows) > max_rows:
                    break
        finally:
            workbook.close()
    except SpreadsheetError:
        raise
    except Exception:  # openpyxl and the XML parser raise many kinds for a broken file
        raise SpreadsheetError(_("The XLSX file could not be opened.")) from None
    return rows


def read_table(
    upload,
    *,
    max_bytes: int,
    max_rows: int,
    max_columns: int = 50,
    max_uncompressed: int | None = None,
) -> list[list[str]]:
    """The rows of an uploaded CSV or XLSX file as lists of text, header row included.

    Raises SpreadsheetError for a file too large, of the wrong kind, unreadable or unpacking
    to more than ``max_uncompressed`` bytes.  At most ``max_rows + 1`` rows are read, so a
    caller that sees more than ``max_rows`` body rows knows the file is too long.
    """
    size = getattr(upload, "size", None)
    too_large = SpreadsheetError(_("The file is larger than %(size)d KB.") % {"size": max_bytes // 1024})
    if size is not None and size > max_bytes:
        raise too_large
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    name = (getattr(upload, "name", "") or "").lower()
    kind = kind_of(name, data)
    if kind is None:
        # Say what is wrong with the file the user meant to send, not only that it is wrong.
        if name.endswith(".xlsx"):
            raise SpreadsheetError(_("The file is not an Excel workbook (.xlsx)."))
        if name.endswith(".csv"):
            raise SpreadsheetError(_("The CSV file could not be read; save it as UTF-8."))
        raise SpreadsheetError(_("Upload a CSV or XLSX file (the content must match the file's extension)."))
    if kind == "xlsx":
        limit = max_uncompressed or max(XLSX_MIN_UNCOMPRESSED, (max_rows + 1) * XLSX_BYTES_PER_ROW)
        return _read_xlsx(data, max_rows + 1, max_columns, limit)
    return _read_csv(data, max_rows + 1, max_columns)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet cell that cannot run as a formula.

    Numbers stay numbers (Decimal → float for XLSX arithmetic); text starting with a formula
    character gets a leading apostrophe unless it is a plain number such as ``-3``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def csv_bytes(headers: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV bytes with a BOM (so that Excel opens Chinese text), every cell made safe.

    Decimals (credit hours) are written with two places, as the college's forms show them.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(str(header)) for header in headers])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_text(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    value = safe_cell(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def xlsx_bytes(headers: Sequence[Any], rows: Iterable[Sequence[Any]], title: str = "Sheet") -> bytes:
    """An XLSX workbook of one sheet: a bold header row, every cell made safe, sensible widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    # Sheet titles may not hold []:*?/\ and are at most 31 characters.
    sheet.title = "".join(c for c in str(title) if c not in "[]:*?/\\")[:31] or "Sheet"
    sheet.append([safe_cell(str(header)) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for column in sheet.columns:
        width = max(len(str(cell.value if cell.value is not None else "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(50, max(10, width * 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
