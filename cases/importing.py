"""Bulk import of cases from CSV or JSON: every row checked, all or nothing.

Imported cases are drafts: they go through the review workflow like any
case an editor writes by hand.
"""

import datetime
import json
import re
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from college.core.spreadsheets import SpreadsheetError, csv_bytes, read_table

from .models import (
    DEIDENTIFICATION_CHECKLIST,
    MAX_KEYWORDS,
    CaseField,
    CasePage,
    CaseReleasePage,
    DisputeType,
    GovernanceLevel,
    Region,
)
from .services import assign_case_number

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024  # as the import form allows
MAX_COLUMNS = 100  # more than COLUMNS, so that unknown columns are named in the report
COLUMNS = [
    "title",
    "subtitle",
    "keywords",
    "field",
    "level",
    "region",
    "dispute_type",
    "case_date",
    "date_released",
    "release",
    "release_order",
    "key_points",
    "facts",
    "handling",
    "result",
    "significance",
    "laws",
    "deidentified",
]
TRUE_WORDS = {"1", "true", "yes", "y", "是", "已完成", "x", "✓"}
_LIST_SPLIT = re.compile(r"[;；,，、\n]+")


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, syntax, columns, size)."""


@dataclass
class RowReport:
    number: int
    title: str
    errors: dict = field(default_factory=dict)
    page: object = None

    @property
    def ok(self):
        return not self.errors


@dataclass
class ImportReport:
    rows: list
    imported: bool = False

    @property
    def error_count(self):
        return sum(1 for row in self.rows if not row.ok)


def _choice_lookup(choices):
    """Accept the code, the English label or the Chinese label of a choice."""
    from django.utils import translation

    lookup = {}
    for code, label in choices:
        lookup[code.lower()] = code
        for language in ("en", "zh-hans"):
            with translation.override(language):
                lookup[str(label).lower()] = code
    return lookup


class CaseImportRowForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("title"), max_length=255)
    subtitle = forms.CharField(label=gettext_lazy("subtitle"), max_length=200, required=False)
    keywords = forms.CharField(label=gettext_lazy("keywords"), required=False)
    field = forms.CharField(label=gettext_lazy("field"))
    level = forms.CharField(label=gettext_lazy("governance level"))
    region = forms.CharField(label=gettext_lazy("region"), required=False)
    dispute_type = forms.CharField(label=gettext_lazy("dispute type"), required=False)
    case_date = forms.DateField(label=gettext_lazy("date of the case"), required=False, input_formats=["%Y-%m-%d"])
    date_released = forms.DateField(label=gettext_lazy("date of release"), required=False, input_formats=["%Y-%m-%d"])
    release = forms.CharField(label=gettext_lazy("release"), required=False)
    release_order = forms.IntegerField(label=gettext_lazy("order in release"), required=False, min_value=0)
    key_points = forms.CharField(label=gettext_lazy("key points"), required=False)
    facts = forms.CharField(label=gettext_lazy("basic facts"))
    handling = forms.CharField(label=gettext_lazy("how it was handled"), required=False)
    result = forms.CharField(label=gettext_lazy("result"), required=False)
    significance = forms.CharField(label=gettext_lazy("typical significance"), required=False)
    laws = forms.CharField(label=gettext_lazy("related laws"), required=False)
    deidentified = forms.CharField(label=gettext_lazy("de-identified"), required=False)

    def __init__(self, *args, library=None, lookups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.lookups = lookups

    def _pick(self, name, lookup):
        value = (self.cleaned_data.get(name) or "").strip()
        if not value:
            return None
        code = lookup.get(value.lower())
        if code is None:
            raise forms.ValidationError(_("Unknown value “%(value)s”.") % {"value": value})
        return code

    def clean_keywords(self):
        words = [w.strip() for w in _LIST_SPLIT.split(self.cleaned_data.get("keywords") or "") if w.strip()]
        if len(words) > MAX_KEYWORDS:
            raise forms.ValidationError(_("A case has at most %(max)d keywords.") % {"max": MAX_KEYWORDS})
        if any(len(w) > 100 for w in words):
            raise forms.ValidationError(_("A keyword is at most 100 characters long."))
        return words

    def clean_field(self):
        return self._pick("field", self.lookups["field"])

    def clean_level(self):
        return self._pick("level", self.lookups["level"])

    def clean_region(self):
        code = self._pick("region", self.lookups["region"])
        return Region.objects.get(code=code) if code else None

    def clean_dispute_type(self):
        code = self._pick("dispute_type", self.lookups["dispute_type"])
        return DisputeType.objects.get(code=code) if code else None

    def clean_release(self):
        slug = (self.cleaned_data.get("release") or "").strip()
        if not slug:
            return None
        release = CaseReleasePage.objects.child_of(self.library).filter(slug=slug).first()
        if release is None:
            raise forms.ValidationError(_("No release with the slug “%(slug)s” in this library.") % {"slug": slug})
        return release

    def clean_laws(self):
        text = self.cleaned_data.get("laws") or ""
        return [line.strip() for line in re.split(r"[;；\n]+", text) if line.strip()]

    def clean_deidentified(self):
        value = (self.cleaned_data.get("deidentified") or "").strip().lower()
        return value in TRUE_WORDS


def _paragraphs(text):
    """Plain text with blank-line paragraphs as simple rich text."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in parts)


def read_rows(upload):
    """The rows of an uploaded CSV or JSON file as dicts of strings.

    CSV is read by the site's one spreadsheet reader: UTF-8 (with or without BOM) or GB18030,
    as Excel saves "CSV" on Chinese Windows.
    """
    if (upload.name or "").lower().endswith(".json"):
        rows = _json_rows(upload.read())
    else:
        rows = _csv_rows(upload)
    if not rows:
        raise ImportFileError(_("The file holds no cases."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)d cases per file.") % {"max": MAX_ROWS})
    return rows


def _json_rows(raw):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The file is not UTF-8 text.")) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ImportFileError(_("The JSON file cannot be read: %(error)s") % {"error": exc}) from exc
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        data = data["cases"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportFileError(_("The JSON file must hold a list of cases (objects)."))
    rows = []
    for item in data:
        row = {}
        for key, value in item.items():
            if isinstance(value, list):
                value = "\n".join(
                    " ".join(str(v) for v in entry.values() if v) if isinstance(entry, dict) else str(entry)
                    for entry in value
                )
            elif isinstance(value, bool):
                value = "true" if value else ""
            elif value is None:
                value = ""
            row[str(key)] = str(value)
        rows.append(row)
    return rows


def _csv_rows(upload):
    try:
        table = read_table(upload, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    except SpreadsheetError as error:
        raise ImportFileError(error.message) from None
    if len(table) - 1 > MAX_ROWS:  # read_table stopped after the limit: refuse, never cut short
        raise ImportFileError(_("At most %(max)d cases per file.") % {"max": MAX_ROWS})
    header = [title.strip() for title in table[0]] if table else []
    if "title" not in header:
        raise ImportFileError(_("The first line must name the columns, including “title”."))
    rows = []
    for cells in table[1:]:
        if not cells:  # a blank line holds no case
            continue
        row = {name: (cells[index] if index < len(cells) else "") for index, name in enumerate(header)}
        if len(cells) > len(header):
            row[""] = ""  # cells beyond the named columns: reported as an unknown column
        rows.append(row)
    return rows


def import_cases(upload, library, user):
    """Check every row; when all are valid create them as drafts in one transaction."""
    rows = read_rows(upload)
    lookups = {
        "field": _choice_lookup(CaseField.choices),
        "level": _choice_lookup(GovernanceLevel.choices),
        "region": {
            k: v
            for r in Region.objects.all()
            for k, v in ((r.code, r.code), (r.name.lower(), r.code), (r.name_en.lower(), r.code))
            if k
        },
        "dispute_type": {
            k: v
            for d in DisputeType.objects.all()
            for k, v in ((d.code, d.code), (d.name.lower(), d.code), (d.name_en.lower(), d.code))
            if k
        },
    }
    report = ImportReport(rows=[])
    forms_ok = []
    for number, row in enumerate(rows, start=2 if not upload.name.lower().endswith(".json") else 1):
        unknown = sorted(set(row) - set(COLUMNS))
        form = CaseImportRowForm(data=row, library=library, lookups=lookups)
        entry = RowReport(number=number, title=row.get("title", ""))
        if not form.is_valid():
            entry.errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        if unknown:
            entry.errors.setdefault("__all__", []).append(
                _("Unknown columns: %(names)s") % {"names": ", ".join(unknown)}
            )
        report.rows.append(entry)
        forms_ok.append(form)
    if report.error_count:
        return report
    with transaction.atomic():
        for entry, form in zip(report.rows, forms_ok, strict=True):
            entry.page = _create_draft(form.cleaned_data, library, user)
    report.imported = True
    return report


def _create_draft(data, library, user):
    page = CasePage(
        title=data["title"],
        subtitle=data["subtitle"],
        field=data["field"],
        level=data["level"],
        region=data["region"],
        dispute_type=data["dispute_type"],
        case_date=data["case_date"],
        date_released=data["date_released"] or datetime.date.today(),
        release=data["release"],
        release_order=data["release_order"] or 0,
        key_points=_paragraphs(data["key_points"]),
        facts=_paragraphs(data["facts"]),
        handling=_paragraphs(data["handling"]),
        result=_paragraphs(data["result"]),
        significance=_paragraphs(data["significance"]),
        laws=[("citation", {"law": law[:120], "article": "", "text": ""}) for law in data["laws"]],
        live=False,
        owner=user,
        **{name: data["deidentified"] for name in DEIDENTIFICATION_CHECKLIST},
    )
    assign_case_number(page)
    page.slug = page.case_number.lower()
    library.add_child(instance=page)
    if data["keywords"]:
        page.keywords.set(data["keywords"])
        page.save()
    page.save_revision(user=user, log_action="wagtail.create")
    return page


def template_csv():
    """A CSV (bytes, with a BOM for Excel) with the columns and one example row, offered for download."""
    return csv_bytes(
        COLUMNS,
        [
            [
                "楼上漏水引发邻里纠纷",
                "调解员三次上门化解",
                "邻里;漏水;人民调解",
                "village_community",
                "village",
                "zhuji",
                "neighbours",
                "2024-03-02",
                "2024-05-01",
                "",
                "1",
                "小事不出村，调解员就地化解。",
                "王某家楼上卫生间渗水……",
                "村调解委员会组织双方现场查看……",
                "双方签订调解协议。",
                "体现了矛盾不上交、就地化解。",
                "《中华人民共和国人民调解法》第十七条",
                "yes",
            ]
        ],
    )
