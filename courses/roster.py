"""Enrolling a training class from an uploaded roster (CSV or XLSX), all or nothing.

Every row is checked first; when any row is bad nothing is imported and the
report names each bad row with its reason. Existing accounts are matched by
email or mobile number; the others are created (they set their password
through "forgot password" with their email address).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from college.accounts.validators import normalise_mobile, validate_mobile
from college.core import spreadsheets

from .models import RosterImport, TrainingClassMember
from .services import add_members

COLUMN_ALIASES = {
    "name": {"name", "real name", "full name", "姓名", "名字"},
    "email": {"email", "e-mail", "email address", "邮箱", "电子邮箱", "电子邮件"},
    "mobile": {"mobile", "phone", "mobile phone", "telephone", "手机", "手机号", "手机号码", "电话"},
    "work_unit": {"work unit", "unit", "organisation", "organization", "单位", "工作单位"},
    "position": {"position", "post", "title", "职务", "职位"},
}


def max_bytes():
    return int(getattr(settings, "COLLEGE_ROSTER_MAX_BYTES", 2 * 1024 * 1024))


def max_rows():
    return int(getattr(settings, "COLLEGE_ROSTER_MAX_ROWS", 2000))


class RosterFileError(Exception):
    """The file as a whole cannot be read (type, size, encoding, missing columns)."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


@dataclass
class RosterRow:
    number: int
    name: str = ""
    email: str = ""
    mobile: str = ""
    work_unit: str = ""
    position: str = ""
    user: object = None
    action: str = ""
    errors: list = field(default_factory=list)

    def as_report(self):
        return {
            "row": self.number,
            "name": self.name,
            "email": self.email,
            "mobile": self.mobile,
            "action": self.action,
            "errors": [str(e) for e in self.errors],
        }


@dataclass
class RosterResult:
    rows: list
    record: RosterImport

    @property
    def ok(self):
        return self.record.succeeded

    @property
    def bad_rows(self):
        return [row for row in self.rows if row.errors]


def read_table(uploaded):
    """[(row number, {column: text})] from an uploaded CSV (UTF-8 or GB18030) or XLSX file."""
    name = (getattr(uploaded, "name", "") or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise RosterFileError(_("Upload a CSV or XLSX file."))
    try:
        table = spreadsheets.read_table(uploaded, max_bytes=max_bytes(), max_rows=max_rows())
    except spreadsheets.SpreadsheetError as error:
        raise RosterFileError(error.message) from None
    if not table:
        raise RosterFileError(_("The file is empty."))
    header, *body = table
    columns = {}
    for index, title in enumerate(header):
        key = (title or "").strip().lower()
        for column, aliases in COLUMN_ALIASES.items():
            if key in aliases and column not in columns:
                columns[column] = index
    if "name" not in columns or not ({"email", "mobile"} & columns.keys()):
        raise RosterFileError(_("The first row must name the columns: name, and email or mobile (姓名, 邮箱 or 手机)."))
    rows = []
    for number, cells in enumerate(body, start=2):
        values = {column: (cells[index] if index < len(cells) else "") for column, index in columns.items()}
        values = {column: ("" if value is None else str(value)).strip() for column, value in values.items()}
        if not any(values.values()):
            continue
        rows.append((number, values))
    if not rows:
        raise RosterFileError(_("The file has no learners in it."))
    # read_table stops one row after the limit: a longer file is refused, never cut short.
    if len(rows) > max_rows() or len(body) > max_rows():
        raise RosterFileError(_("A roster may hold at most %(rows)d learners.") % {"rows": max_rows()})
    return rows


def check_rows(training_class, table):
    """Validate every row and match accounts; returns [RosterRow] with their errors."""
    User = get_user_model()
    rows = []
    seen_email, seen_mobile = {}, {}
    for number, values in table:
        row = RosterRow(number=number, **{k: v for k, v in values.items()})
        row.email = row.email.lower()
        if not row.name:
            row.errors.append(_("The name is missing."))
        elif len(row.name) > 50:
            row.errors.append(_("The name is longer than 50 characters."))
        if not row.email and not row.mobile:
            row.errors.append(_("Give an email address or a mobile number."))
        if row.email:
            try:
                validate_email(row.email)
            except ValidationError:
                row.errors.append(_("“%(email)s” is not a valid email address.") % {"email": row.email})
            if row.email in seen_email:
                row.errors.append(_("The same email address is on row %(row)d.") % {"row": seen_email[row.email]})
            seen_email.setdefault(row.email, number)
        if row.mobile:
            try:
                validate_mobile(row.mobile)
                row.mobile = normalise_mobile(row.mobile)
            except ValidationError:
                row.errors.append(
                    _("“%(mobile)s” is not a valid mainland China mobile number.") % {"mobile": row.mobile}
                )
            if row.mobile in seen_mobile:
                row.errors.append(_("The same mobile number is on row %(row)d.") % {"row": seen_mobile[row.mobile]})
            seen_mobile.setdefault(row.mobile, number)
        if len(row.work_unit) > 120:
            row.errors.append(_("The work unit is longer than 120 characters."))
        if len(row.position) > 80:
            row.errors.append(_("The position is longer than 80 characters."))
        if row.errors:
            rows.append(row)
            continue
        by_email = list(User.objects.filter(email__iexact=row.email)[:2]) if row.email else []
        by_mobile = list(User.objects.filter(mobile=row.mobile)[:2]) if row.mobile else []
        if len(by_email) > 1 or len(by_mobile) > 1:
            row.errors.append(
                _("Several accounts have this email address or mobile number; enrol this learner by hand.")
            )
        elif by_email and by_mobile and by_email[0].pk != by_mobile[0].pk:
            row.errors.append(_("The email address and the mobile number belong to two different accounts."))
        elif by_email or by_mobile:
            row.user = (by_email or by_mobile)[0]
            if TrainingClassMember.objects.filter(training_class=training_class, user=row.user).exists():
                row.action = "member"
            else:
                row.action = "matched"
        elif not row.email:
            row.errors.append(_("No account has this mobile number; an email address is needed to create one."))
        else:
            row.action = "create"
        rows.append(row)
    return rows


def _unique_username(email):
    User = get_user_model()
    base = slugify(email.split("@")[0])[:120] or "learner"
    candidate, counter = base, 1
    while User.objects.filter(username=candidate).exists():
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def import_roster(training_class, uploaded, uploaded_by=None):
    """Check the whole roster, then import it in one transaction, or import nothing.

    Raises ``RosterFileError`` when the file itself is unusable. Returns a ``RosterResult`` whose
    record (a ``RosterImport``) keeps the per-row report either way.
    """
    from allauth.account.models import EmailAddress

    from college.accounts.roles import LEARNERS

    table = read_table(uploaded)
    rows = check_rows(training_class, table)
    file_name = (getattr(uploaded, "name", "") or "")[:255]
    if any(row.errors for row in rows):
        record = RosterImport.objects.create(
            training_class=training_class,
            file_name=file_name,
            uploaded_by=uploaded_by,
            succeeded=False,
            row_count=len(rows),
            report=[row.as_report() for row in rows],
        )
        return RosterResult(rows=rows, record=record)
    User = get_user_model()
    with transaction.atomic():
        learners_group = Group.objects.filter(name=LEARNERS).first()
        created = 0
        users = []
        for row in rows:
            if row.action == "create":
                user = User(
                    username=_unique_username(row.email),
                    email=row.email,
                    real_name=row.name,
                    mobile=row.mobile,
                    work_unit=row.work_unit,
                    position=row.position,
                )
                user.set_unusable_password()
                user.save()
                EmailAddress.objects.create(user=user, email=row.email, primary=True, verified=False)
                if learners_group:
                    user.groups.add(learners_group)
                row.user = user
                created += 1
            users.append(row.user)
        add_members(training_class, users)
        record = RosterImport.objects.create(
            training_class=training_class,
            file_name=file_name,
            uploaded_by=uploaded_by,
            succeeded=True,
            row_count=len(rows),
            created_accounts=created,
            report=[row.as_report() for row in rows],
        )
    return RosterResult(rows=rows, record=record)
