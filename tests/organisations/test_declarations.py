"""Declared offline hours: the rules of each activity type, the unit's decision, the college's
confirmation, the ledger credited once with its audit trail, and the cadre's email."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail

from college.organisations import declarations
from college.organisations.models import (
    ActivityRule,
    DeclarationEvent,
    DeclarationStatus,
    HoursDeclaration,
)
from courses.models import CreditEntry

from .declaration_helpers import NOW, fields, pdf_file, png_file, zip_as_pdf
from .factories import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_day(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path), "base_url": None}},
    }
    with time_machine.travel(NOW, tick=False):
        yield


def declare(user, evidence="pdf", **overrides):
    files = {"pdf": pdf_file, "png": png_file, None: lambda: None}
    return declarations.declare(user, evidence=files[evidence](), **fields(**overrides))


def test_a_declaration_waits_for_the_unit_with_its_evidence_stored_privately(tree):
    declaration = declare(tree.li)
    assert declaration.status == DeclarationStatus.SUBMITTED
    assert declaration.unit == tree.fq_pcs
    assert declaration.evidence_type == "application/pdf"
    assert declaration.evidence.name.startswith("declarations/") and len(declaration.evidence.name) > 40
    assert declaration.evidence.read().startswith(b"%PDF-")
    assert [e.action for e in declaration.events.all()] == [DeclarationEvent.Action.SUBMITTED]
    assert not CreditEntry.objects.filter(reference__startswith="declaration:").exists()


def test_an_image_is_accepted_as_evidence(tree):
    assert declare(tree.li, evidence="png").evidence_type == "image/png"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hours": "0"}, "hours"),
        ({"hours": "-2"}, "hours"),
        ({"hours": "4.5"}, "hours"),  # lectures: at most 4 per activity
        ({"hours": "1.333"}, "hours"),
        ({"hours": "abc"}, "hours"),
        ({"activity_date": datetime.date(YEAR, 9, 16)}, "activity_date"),  # tomorrow
        ({"activity_date": datetime.date(YEAR - 1, 12, 31)}, "activity_date"),  # last year
        ({"title": "  "}, "title"),
        ({"organiser": ""}, "organiser"),
        ({"activity_type": "party"}, "activity_type"),
    ],
)
def test_bad_fields_are_refused_with_a_field_error_and_nothing_stored(tree, overrides, field):
    with pytest.raises(declarations.DeclarationError) as refused:
        declare(tree.li, **overrides)
    assert field in refused.value.errors
    assert not HoursDeclaration.objects.exists()


def test_the_yearly_maximum_counts_waiting_and_approved_declarations(tree):
    ActivityRule.objects.filter(activity_type="lecture").update(max_hours_per_year=10)
    declare(tree.li, hours="4")
    declare(tree.li, hours="4")
    with pytest.raises(declarations.DeclarationError) as refused:
        declare(tree.li, hours="3")
    assert "2" in refused.value.errors["hours"]  # what is left
    declare(tree.li, hours="2")
    assert HoursDeclaration.objects.count() == 3


def test_a_rejected_declaration_no_longer_counts_against_the_year(tree):
    ActivityRule.objects.filter(activity_type="lecture").update(max_hours_per_year=4)
    first = declare(tree.li, hours="4")
    declarations.decide_for_unit(tree.fq_admin, first.pk, approve=False, comment="证明材料不清楚")
    declare(tree.li, hours="4")


def empty_png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("x.png", b"", content_type="image/png")


@pytest.mark.parametrize(
    ("make", "limit", "message"),
    [
        (zip_as_pdf, 5_000_000, "PDF"),  # a .pdf that is really a zip
        (lambda: pdf_file(size=200), 100, "MB"),
        (empty_png, 5_000_000, "空"),
    ],
)
def test_evidence_is_checked_by_content_and_size(tree, settings, make, limit, message):
    settings.COLLEGE_DECLARATION_EVIDENCE_MAX_BYTES = limit
    with pytest.raises(declarations.DeclarationError) as refused:
        declarations.declare(tree.li, evidence=make(), **fields())
    assert message in refused.value.errors["evidence"]
    assert not HoursDeclaration.objects.exists()


def test_evidence_is_required_when_the_rule_says_so(tree):
    with pytest.raises(declarations.DeclarationError) as refused:
        declare(tree.li, evidence=None)
    assert "evidence" in refused.value.errors
    ActivityRule.objects.filter(activity_type="lecture").update(evidence_required=False)
    assert declare(tree.li, evidence=None).evidence.name == ""


def test_a_cadre_without_a_unit_cannot_declare(tree):
    with pytest.raises(declarations.DeclarationError):
        declare(tree.learner)


def test_the_unit_approves_and_the_hours_enter_the_ledger_once_with_the_trail(tree, django_capture_on_commit_callbacks):
    declaration = declare(tree.li, hours="3.5")
    with django_capture_on_commit_callbacks(execute=True):
        declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True, comment="同意")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.APPROVED
    entry = CreditEntry.objects.get(reference=f"declaration:{declaration.pk}")
    assert (entry.user, entry.hours, entry.source, entry.credit_type, entry.year) == (
        tree.li,
        Decimal("3.50"),
        CreditEntry.Source.OFFLINE,
        "elective",
        YEAR,
    )
    assert entry.created_by == tree.fq_admin and declaration.credit_entry == entry
    trail = [(e.action, e.by, e.comment) for e in declaration.events.all()]
    assert trail == [
        ("submitted", tree.li, ""),
        ("unit_approved", tree.fq_admin, "同意"),
        ("credited", tree.fq_admin, ""),
    ]
    assert [m.to for m in mail.outbox] == [["li@example.org"]]
    assert "已通过" in mail.outbox[0].subject and "同意" in mail.outbox[0].body

    with pytest.raises(declarations.DeclarationError) as again:
        declarations.decide_for_unit(tree.station_admin, declaration.pk, approve=True)
    assert again.value.code == "decided"
    assert CreditEntry.objects.filter(reference=f"declaration:{declaration.pk}").count() == 1


def test_a_study_visit_is_credited_with_the_visit_source(tree):
    declaration = declare(tree.li, activity_type="visit", hours="2")
    declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True)
    assert CreditEntry.objects.get(reference=f"declaration:{declaration.pk}").source == CreditEntry.Source.VISIT


def test_a_rejection_needs_a_comment_and_tells_the_cadre(tree, django_capture_on_commit_callbacks):
    declaration = declare(tree.li)
    with pytest.raises(declarations.DeclarationError) as refused:
        declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=False, comment=" ")
    assert "comment" in refused.value.errors
    with django_capture_on_commit_callbacks(execute=True):
        declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=False, comment="日期与通知不符")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REJECTED and declaration.credit_entry is None
    assert "日期与通知不符" in mail.outbox[0].body and "未通过" in mail.outbox[0].subject
    assert not CreditEntry.objects.filter(reference__startswith="declaration:").exists()


def test_the_email_is_in_the_cadres_language(tree, django_capture_on_commit_callbacks):
    declaration = declarations.declare(tree.li, evidence=pdf_file(), language="en", **fields())
    with django_capture_on_commit_callbacks(execute=True):
        declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True)
    assert "approved" in mail.outbox[0].subject


def test_an_administrator_of_a_sibling_unit_cannot_decide(tree):
    declaration = declare(tree.li)
    for outsider in (tree.dk_admin, tree.learner, tree.zhang):
        with pytest.raises(declarations.DeclarationError) as refused:
            declarations.decide_for_unit(outsider, declaration.pk, approve=True)
        assert "unit" in refused.value.errors
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.SUBMITTED and declaration.events.count() == 1


def test_an_administrator_cannot_decide_their_own_declaration(tree):
    tree.station_admin.unit = tree.fq_pcs
    tree.station_admin.save()
    declaration = declare(tree.station_admin)
    with pytest.raises(declarations.DeclarationError):
        declarations.decide_for_unit(tree.station_admin, declaration.pk, approve=True)
    declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True)  # the unit above may


def test_training_staff_confirm_when_the_rule_says_so(tree, django_capture_on_commit_callbacks):
    declaration = declare(tree.li, activity_type="training", hours="24")
    with django_capture_on_commit_callbacks(execute=True):
        declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True, comment="已核对")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.UNIT_APPROVED and not mail.outbox
    assert not CreditEntry.objects.filter(reference=f"declaration:{declaration.pk}").exists()
    with pytest.raises(declarations.DeclarationError):
        declarations.confirm_for_college(tree.fq_admin, declaration.pk, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        declarations.confirm_for_college(tree.staff, declaration.pk, approve=True, comment="学院确认")
    entry = CreditEntry.objects.get(reference=f"declaration:{declaration.pk}")
    assert entry.credit_type == "required" and entry.hours == 24 and entry.created_by == tree.staff
    assert [e.action for e in declaration.events.all()] == ["submitted", "unit_approved", "confirmed", "credited"]
    assert len(mail.outbox) == 1
    with pytest.raises(declarations.DeclarationError):
        declarations.confirm_for_college(tree.staff, declaration.pk, approve=True)
    assert CreditEntry.objects.filter(reference=f"declaration:{declaration.pk}").count() == 1


def test_the_college_may_reject_what_the_unit_approved(tree):
    declaration = declare(tree.li, activity_type="teaching", hours="6")
    declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True)
    declarations.confirm_for_college(tree.staff, declaration.pk, approve=False, comment="未在学院名单中")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REJECTED
    assert not CreditEntry.objects.filter(reference=f"declaration:{declaration.pk}").exists()


def test_approved_hours_count_in_the_unit_report(tree):
    from college.organisations import reports

    declaration = declare(tree.zhang, hours="4")
    declarations.decide_for_unit(tree.fq_admin, declaration.pk, approve=True)
    report = reports.unit_report(tree.fq_admin, YEAR, tree.fq)
    office = next(
        row
        for row in report.rows
        if getattr(row, "code", None) == "FQ-SFS" or getattr(getattr(row, "unit", None), "code", None) == "FQ-SFS"
    )
    assert office.total == Decimal("9.00")  # 5 elective before + 4 declared
