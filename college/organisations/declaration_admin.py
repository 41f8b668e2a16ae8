"""The declaration queue (学时申报审核) of the "Unit management" back office.

Unit administrators see and decide the declarations of the cadres in their subtree; training
staff see every declaration and confirm those the unit approved when the activity type's rule
asks for the college.  What anyone sees comes from ``declarations.declarations_visible_to``
(built on ``scoping``); every decision goes through ``declarations``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from college.core.spreadsheets import csv_bytes, xlsx_bytes

from . import declarations, scoping
from .admin_views import _file, _render, back_office
from .forms import DecisionForm, DeclarationFilterForm
from .models import DeclarationStatus

PER_PAGE = 50


def _may_see_queue(user) -> bool:
    return scoping.may_use_back_office(user) or declarations.may_confirm(user)


def _filtered(request):
    units = scoping.units_visible_to(request.user).order_by("path")
    form = DeclarationFilterForm(request.GET, units=units)
    form.is_valid()
    data = form.cleaned_data
    rows = declarations.declarations_visible_to(request.user)
    if data.get("status"):
        rows = rows.filter(status=data["status"])
    if data.get("unit"):
        rows = rows.filter(unit__path__startswith=data["unit"].path)
    if data.get("q"):
        text = data["q"].strip()
        rows = rows.filter(Q(user__real_name__icontains=text) | Q(user__email__icontains=text))
    # What waits for this person first: the unit's queue, then the college's, then the decided.
    rows = rows.annotate(
        waiting=Case(
            When(status=DeclarationStatus.SUBMITTED, then=Value(0)),
            When(status=DeclarationStatus.UNIT_APPROVED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "-created_at", "-pk")
    return form, rows


@back_office
def declaration_list(request):
    """Declarations of the cadres the user sees, waiting ones first; filters and export."""
    form, rows = _filtered(request)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return _render(
        request,
        "organisations/admin/declarations.html",
        {"form": form, "page": page, "query": query.urlencode()},
        _("Declared hours"),
        icon="doc-full",
        status=400 if form.errors else 200,
    )


def _table(rows):
    headers = [
        _("No."),
        _("Name"),
        _("Email"),
        _("Unit"),
        _("Unit code"),
        _("Type of activity"),
        _("Activity"),
        _("Organiser"),
        _("Date"),
        _("Hours"),
        _("Credited as"),
        _("Status"),
        _("Declared at"),
    ]
    body = [
        [
            row.pk,
            row.user.display_name,
            row.user.email,
            row.unit.name,
            row.unit.code,
            str(row.get_activity_type_display()),
            row.title,
            row.organiser,
            row.activity_date.isoformat(),
            row.hours,
            str(_("Required") if row.credit_type == "required" else _("Elective")),
            str(row.get_status_display()),
            row.created_at.strftime("%Y-%m-%d %H:%M"),
        ]
        for row in rows
    ]
    return headers, body


@back_office
def declaration_export(request, fmt):
    """The filtered declarations as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, rows = _filtered(request)
    headers, body = _table(rows)
    if fmt == "xlsx":
        return _file(xlsx_bytes(headers, body, title=_("Declared hours")), fmt, "declarations")
    return _file(csv_bytes(headers, body), fmt, "declarations")


def declaration_detail(request, pk):
    """One declaration with its evidence and history; the unit's or the college's decision."""
    if not _may_see_queue(request.user):
        raise PermissionDenied
    declaration = declarations.declarations_visible_to(request.user).filter(pk=pk).first()
    if declaration is None:
        raise Http404
    step = None
    if declaration.status == DeclarationStatus.SUBMITTED and declaration.user_id != request.user.pk:
        step = "unit"
    elif declaration.status == DeclarationStatus.UNIT_APPROVED and declarations.may_confirm(request.user):
        step = "college"
    form = DecisionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if step is None:
            messages.error(request, _("This declaration has already been decided."))
            return redirect("organisations_admin:declaration", pk=pk)
        if form.is_valid():
            decide = declarations.decide_for_unit if step == "unit" else declarations.confirm_for_college
            approve = form.cleaned_data["decision"] == "approve"
            try:
                decide(request.user, declaration.pk, approve, form.cleaned_data["comment"])
            except declarations.DeclarationError as error:
                if error.code == "decided":
                    messages.error(request, error.errors["__all__"])
                    return redirect("organisations_admin:declaration", pk=pk)
                for field, message in error.errors.items():
                    form.add_error(field if field in form.fields else None, message)
            else:
                declaration.refresh_from_db()
                messages.success(
                    request, _("Decision saved: %(status)s.") % {"status": declaration.get_status_display()}
                )
                return redirect(reverse("organisations_admin:declarations") + "?status=submitted")
        status = 400
    return _render(
        request,
        "organisations/admin/declaration_detail.html",
        {
            "declaration": declaration,
            "events": declaration.events.select_related("by"),
            "form": form,
            "step": step,
            "used_in_year": declarations.hours_declared_in_year(
                declaration.user, declaration.activity_type, declaration.activity_date.year
            ),
            "rule": declarations.rule_for(declaration.activity_type),
        },
        _("Declaration no. %(id)d") % {"id": declaration.pk},
        icon="doc-full",
        status=status,
    )
