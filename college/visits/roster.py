"""Reading a group's roster: typed names, or an uploaded CSV or XLSX file."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from college.core.spreadsheets import SpreadsheetError, read_table

HEADER_WORDS = {"name", "names", "姓名", "名字", "人员", "成员"}
NAME_MAX_LENGTH = 50
#: More names than any group can have (the form then reports the count against the group size).
MAX_ROWS = 1000
# Letters of any script, with spaces, dots (·) and hyphens inside names.
_NAME_RE = re.compile(r"^[^\W\d_][\w .·•'\-]*$", re.UNICODE)


def roster_max_bytes() -> int:
    return int(getattr(settings, "COLLEGE_VISITS_ROSTER_MAX_BYTES", 200 * 1024))


def clean_names(names) -> list[str]:
    """Strip blank lines and spaces and check each name; raise ValidationError naming the bad line."""
    cleaned = []
    for raw in names:
        name = " ".join(str(raw if raw is not None else "").split())
        if not name:
            continue
        if len(name) > NAME_MAX_LENGTH:
            raise ValidationError(
                _("Line %(n)d: a name may have at most %(max)d characters.")
                % {"n": len(cleaned) + 1, "max": NAME_MAX_LENGTH}
            )
        if not _NAME_RE.match(name):
            raise ValidationError(
                _("Line %(n)d: “%(name)s” is not a name.") % {"n": len(cleaned) + 1, "name": name[:20]}
            )
        cleaned.append(name)
    return cleaned


def parse_text(text: str) -> list[str]:
    """One name per line (commas and the Chinese 、 and ， also separate names)."""
    return clean_names(re.split(r"[\r\n,，、;；]+", text or ""))


def _drop_header(rows):
    if rows and str(rows[0] or "").strip().lower() in HEADER_WORDS:
        return rows[1:]
    return rows


def parse_upload(upload) -> list[str]:
    """Names from the first column of an uploaded .csv (UTF-8 or GB18030) or .xlsx file."""
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationError(_("Upload the roster as a .csv or .xlsx file."))
    if upload.size > roster_max_bytes():
        raise ValidationError(
            _("The roster file is too large (at most %(kb)d KB).") % {"kb": roster_max_bytes() // 1024}
        )
    try:
        rows = read_table(upload, max_bytes=roster_max_bytes(), max_rows=MAX_ROWS, max_columns=1)
    except SpreadsheetError as error:
        raise ValidationError(error.message) from None
    return clean_names(_drop_header([row[0] if row else "" for row in rows]))
