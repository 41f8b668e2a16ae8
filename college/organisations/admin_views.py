"""The "Unit management" (单位管理) back office in the Wagtail admin.

For unit administrators and college staff: the cadres of the units they see with this year's
hours (filters, CSV/XLSX export, reminders to those behind), the report by unit with charts and
drill-down, the administrators of sub-units, and the HR API tokens.  For staff only: importing
units and mapping free-text work units.  What anyone sees is decided by ``scoping``; what
anyone changes goes through ``services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from college.core.params import local_today
from college.core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes
from college.core.staff import require_permission
from courses import services as course_services
from courses.models import CourseCompletion, TrainingClassMember

from . import charts, importing, reports, scoping, services
from .forms import CadreFilterForm, GrantForm, MapWorkUnitForm, ReportFilterForm, TokenForm, UnitImportForm
from .models import UnitAdministrator, UnitApiToken, UnitType

CADRES_PER_PAGE = 50


def back_office(view):
    """Only college staff and unit administrators reach the view (others get 403)."""

    def wrapped(request, *args, **kwargs):
        if not scoping.may_use_back_office(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _render(request, template, context, title, icon="group", status=200):
    context = {"page_title": title, "header_title": title, "header_icon": icon, **context}
    return TemplateResponse(request, template, context, status=status)


def _language():
    return translation.get_language()


def _file(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _bound(request) -> tuple:
    """The form data of a POST (bound even when empty, so that its errors show), else nothing."""
    return (request.POST,) if request.method == "POST" else ()


def _filters(request):
    """The query string with this year filled in when none is given, so the form shows the year used."""
    data = request.GET.copy()
    if not data.get("year"):
        data["year"] = str(local_today().year)
    return data


def _year(form) -> int:
    year = form.cleaned_data.get("year") if form.is_valid() else None
    return year or local_today().year


# ---------------------------------------------------------------------------
# Cadres
# ---------------------------------------------------------------------------
def _filtered_cadres(request):
    """The cadres the user sees, filtered by the list's form, with the year's hours; returns
    (form, year, cadres without the hours, cadres with them, whether the target filter is on)."""
    units = scoping.units_visible_to(request.user).order_by("path")
    form = CadreFilterForm(_filters(request), units=units)
    cadres = scoping.cadres_visible_to(request.user).select_related("unit")
    form.is_valid()  # errors are shown; the fields that are valid still filter
    data = form.cleaned_data
    year = data.get("year") or local_today().year
    if data.get("unit"):
        cadres = cadres.filter(unit__path__startswith=data["unit"].path)
    if data.get("q"):
        text = data["q"].strip()
        cadres = cadres.filter(Q(real_name__icontains=text) | Q(email__icontains=text))
    cadres = cadres.order_by("unit__path", "real_name", "pk")
    with_hours = reports.with_year_hours(cadres, year)
    if data.get("target") == "met":
        with_hours = with_hours.filter(met=True)
    elif data.get("target") == "behind":
        with_hours = with_hours.filter(met=False)
    return form, year, cadres, with_hours, bool(data.get("target"))


@back_office
def cadre_list(request):
    """The cadres of the units the user sees, with this year's hours and activity."""
    form, year, cadres, with_hours, by_target = _filtered_cadres(request)
    if by_target:  # the target is met or not only once the hours are summed: page the sums
        page = Paginator(with_hours, CADRES_PER_PAGE).get_page(request.GET.get("p"))
        shown = list(page.object_list)
    else:  # page the cadres first, then sum the hours of the page's cadres only
        page = Paginator(cadres, CADRES_PER_PAGE).get_page(request.GET.get("p"))
        shown = list(reports.with_year_hours(cadres.filter(pk__in=[cadre.pk for cadre in page.object_list]), year))
    page.object_list = reports.attach_activity(shown, year)
    query = request.GET.copy()
    query.pop("p", None)
    target, required_target = reports.targets()
    return _render(
        request,
        "organisations/admin/cadres.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "query": query.urlencode(),
            "target": target,
            "required_target": required_target,
            "reminder_hours": services.reminder_interval().total_seconds() / 3600,
            "LANGUAGE_CODE": _language(),
        },
        _("Cadres"),
        status=400 if form.errors else 200,
    )


@back_office
def cadre_export(request, fmt):
    """The filtered cadre list as CSV or XLSX (all pages)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form, year, _cadres, with_hours, _by_target = _filtered_cadres(request)
    cadres = reports.attach_activity(list(with_hours), year, among=with_hours)
    headers, rows = reports.cadre_table(cadres, year, _language())
    if fmt == "xlsx":
        return _file(xlsx_bytes(headers, rows, title=_("Cadres %(year)d") % {"year": year}), fmt, f"cadres-{year}")
    return _file(csv_bytes(headers, rows), fmt, f"cadres-{year}")


@back_office
def cadre_detail(request, pk):
    """One cadre of a visible unit: the year's ledger, completed courses, certificates, classes."""
    from college.certificates.models import Certificate

    cadre = scoping.visible_cadre_or_404(request.user, pk)
    form = ReportFilterForm(_filters(request))
    year = _year(form)
    summary = course_services.year_summary(cadre, year, language=_language())
    return _render(
        request,
        "organisations/admin/cadre_detail.html",
        {
            "cadre": cadre,
            "year": year,
            "form": form,
            "summary": summary,
            "completions": CourseCompletion.objects.filter(user=cadre, completed_at__year=year).select_related(
                "course"
            ),
            "certificates": Certificate.objects.filter(user=cadre, status=Certificate.Status.ISSUED).order_by(
                "-issued_at"
            ),
            "memberships": TrainingClassMember.objects.filter(user=cadre)
            .select_related("training_class")
            .order_by("-training_class__start_date"),
            "reminders": cadre.unit_reminders.select_related("requested_by").order_by("-requested_at")[:5],
            "LANGUAGE_CODE": _language(),
        },
        cadre.display_name,
        icon="user",
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def cadre_remind(request):
    """Queue reminder emails to the chosen cadres who are behind the year's target."""
    form = ReportFilterForm(request.POST)
    year = _year(form)
    ids = []
    for value in request.POST.getlist("cadre"):
        if value.isdigit():
            ids.append(int(value))
    back = request.POST.get("next") or ""
    if not back.startswith(reverse("organisations_admin:cadres")):
        back = reverse("organisations_admin:cadres")
    if not ids:
        messages.error(request, _("Choose the cadres to remind first."))
        return redirect(back)
    outcome = services.remind_cadres(request.user, ids, year, language=_language())
    if outcome.queued:
        messages.success(request, _("Reminders are being sent to %(count)d cadres.") % {"count": len(outcome.queued)})
    skipped = []
    if outcome.recently_reminded:
        skipped.append(
            _("%(count)d were reminded in the last %(hours)d hours")
            % {"count": len(outcome.recently_reminded), "hours": services.reminder_interval().total_seconds() // 3600}
        )
    if outcome.on_track:
        skipped.append(_("%(count)d have met the target") % {"count": len(outcome.on_track)})
    if outcome.without_email:
        skipped.append(_("%(count)d have no email address") % {"count": len(outcome.without_email)})
    if outcome.not_visible:
        skipped.append(_("%(count)d are not in your units") % {"count": len(outcome.not_visible)})
    if skipped:
        messages.warning(request, _("Not reminded: %(reasons)s.") % {"reasons": "; ".join(skipped)})
    return redirect(back)


# ---------------------------------------------------------------------------
# Reports by unit
# ---------------------------------------------------------------------------
def _report(request):
    form = ReportFilterForm(_filters(request))
    year = _year(form)
    code = request.GET.get("unit", "")
    unit = scoping.visible_unit_or_404(request.user, code) if code else None
    return form, year, unit, reports.unit_report(request.user, year, unit, language=_language())


@back_office
def unit_report(request):
    """The year's hours by unit (tables and charts), drilling down from the top to a unit's cadres."""
    form, year, unit, report = _report(request)
    chart_rows = [row for row in report.rows if row.cadres]
    return _render(
        request,
        "organisations/admin/report.html",
        {
            "form": form,
            "year": year,
            "unit": unit,
            "report": report,
            "share_chart": charts.share_met_svg(chart_rows) if chart_rows else "",
            "month_chart": charts.monthly_hours_svg(report.required_by_month, report.elective_by_month, year=year),
            "months": range(1, 13),
            "LANGUAGE_CODE": _language(),
        },
        _("Report by unit"),
        icon="table",
        status=400 if form.errors else 200,
    )


@back_office
def unit_report_export(request):
    """The report's table (per child unit, months as columns) as XLSX."""
    form, year, unit, report = _report(request)
    headers, rows = reports.report_table(report)
    name = unit.code if unit else "all"
    return _file(xlsx_bytes(headers, rows, title=str(year)), "xlsx", f"units-{name}-{year}")


# ---------------------------------------------------------------------------
# Administrators of sub-units
# ---------------------------------------------------------------------------
@back_office
def administrators(request):
    """The administrators of the units the user sees; grant on units below the user's own."""
    manageable = scoping.units_manageable_by(request.user).order_by("path")
    form = GrantForm(*_bound(request), units=manageable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _grant, created = services.grant_unit_administrator(request.user, form.user, form.cleaned_data["unit"])
            except services.OrganisationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if created:
                    messages.success(
                        request,
                        _("%(user)s now administers %(unit)s.")
                        % {"user": form.user.display_name, "unit": form.cleaned_data["unit"].name},
                    )
                else:
                    messages.info(
                        request, _("%(user)s already administered this unit.") % {"user": form.user.display_name}
                    )
                return redirect("organisations_admin:administrators")
        status = 400
    grants = (
        UnitAdministrator.objects.filter(unit__in=scoping.units_visible_to(request.user))
        .select_related("user", "unit", "granted_by")
        .order_by("unit__path", "user__real_name")
    )
    manageable_ids = set(manageable.values_list("pk", flat=True))
    return _render(
        request,
        "organisations/admin/administrators.html",
        {
            "form": form,
            "grants": [(grant, grant.unit_id in manageable_ids) for grant in grants],
            "own_units": scoping.administered_units(request.user),
            "can_grant": bool(manageable_ids),
        },
        _("Unit administrators"),
        icon="user",
        status=status,
    )


@require_POST
@back_office
def revoke_administrator(request, pk):
    """Withdraw an administrator grant on a unit below the user's own."""
    grant = get_object_or_404(
        UnitAdministrator.objects.select_related("user", "unit"),
        pk=pk,
        unit__in=scoping.units_visible_to(request.user),
    )
    try:
        services.revoke_unit_administrator(request.user, grant)
    except services.OrganisationError as error:
        raise PermissionDenied(error.message) from None
    messages.success(
        request,
        _("%(user)s no longer administers %(unit)s.") % {"user": grant.user.display_name, "unit": grant.unit.name},
    )
    return redirect("organisations_admin:administrators")


# ---------------------------------------------------------------------------
# HR API tokens
# ---------------------------------------------------------------------------
@back_office
def api_tokens(request):
    """The HR API tokens of the units the user sees; create or rotate one (shown once)."""
    units = scoping.units_visible_to(request.user).order_by("path")
    form = TokenForm(*_bound(request), units=units)
    new_token = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                token, raw = services.issue_api_token(form.cleaned_data["unit"], request.user)
            except services.OrganisationError as error:
                form.add_error("unit", error.message)
                status = 400
            else:
                new_token = {"record": token, "raw": raw}
                form = TokenForm(units=units)
        else:
            status = 400
    tokens = (
        UnitApiToken.objects.filter(unit__in=units, revoked_at__isnull=True)
        .select_related("unit", "created_by")
        .order_by("unit__path")
    )
    return _render(
        request,
        "organisations/admin/tokens.html",
        {
            "form": form,
            "tokens": tokens,
            "new_token": new_token,
            "example_url": request.build_absolute_uri("/api/organisations/units/"),
        },
        _("HR API tokens"),
        icon="key",
        status=status,
    )


@require_POST
@back_office
def revoke_token(request, pk):
    """Revoke a unit's HR API token."""
    token = get_object_or_404(
        UnitApiToken.objects.select_related("unit"), pk=pk, unit__in=scoping.units_visible_to(request.user)
    )
    services.revoke_api_token(token, request.user)
    messages.success(request, _("The token of %(unit)s no longer works.") % {"unit": token.unit.name})
    return redirect("organisations_admin:tokens")


# ---------------------------------------------------------------------------
# Staff only: import units, map free-text work units
# ---------------------------------------------------------------------------
def import_units(request):
    """Upload a unit list: all rows valid → stored, with a report; any bad row → nothing stored."""
    require_permission(request.user, "organisations.add_unit")
    form = UnitImportForm(*_bound(request), files=request.FILES if request.method == "POST" else None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = importing.import_units(form.cleaned_data["file"])
            except importing.ImportFileError as error:
                form.add_error("file", error.message)
            except services.OrganisationError as error:
                form.add_error("file", error.message)
            else:
                if result.ok:
                    messages.success(
                        request,
                        _("Imported: %(created)d units added, %(updated)d changed, %(unchanged)d unchanged.")
                        % {
                            "created": result.count("created"),
                            "updated": result.count("updated"),
                            "unchanged": result.count("unchanged"),
                        },
                    )
                else:
                    messages.error(
                        request,
                        _("Nothing was imported: %(bad)d rows have problems. Correct them and upload the file again.")
                        % {"bad": len(result.bad_rows)},
                    )
        if form.errors or (result is not None and not result.ok):
            status = 400
    return _render(
        request,
        "organisations/admin/import.html",
        {"form": form, "result": result, "max_rows": importing.max_rows(), "types": UnitType.choices},
        _("Import units"),
        icon="upload",
        status=status,
    )


def unmatched_work_units(request):
    """Free-text work units of cadres without a unit, the most common first; match them all by name."""
    require_permission(request.user, "organisations.change_unit")
    if request.method == "POST":
        result = services.match_work_units()
        messages.success(
            request,
            _("%(cadres)d cadres were linked to their units; %(left)d names are left to map.")
            % {"cadres": result.cadres_matched, "left": len(result.unmatched) + len(result.ambiguous)},
        )
        return redirect("organisations_admin:unmatched")
    search = (request.GET.get("q") or "").strip()[: services.SEARCH_MAX_LENGTH]
    values = services.unmatched_work_units(search)
    page = Paginator(values, 100).get_page(request.GET.get("p"))
    return _render(
        request,
        "organisations/admin/unmatched.html",
        {"page": page, "total": len(values), "search": search},
        _("Unmatched work units"),
        icon="link",
    )


def map_work_unit(request):
    """Link every cadre without a unit whose free-text work unit is ``work_unit`` to one unit."""
    require_permission(request.user, "organisations.change_unit")
    value = (request.POST.get("work_unit") if request.method == "POST" else request.GET.get("work_unit")) or ""
    cadres = services.unmatched_cadres_count(value)
    if not cadres:
        messages.info(request, _("No cadre without a unit has this work unit (any more)."))
        return redirect("organisations_admin:unmatched")
    form = MapWorkUnitForm(*_bound(request), initial={"work_unit": value, "remember": True})
    if request.method == "POST" and form.is_valid():
        try:
            count = services.map_work_unit(value, form.cleaned_data["unit"], remember=form.cleaned_data["remember"])
        except services.OrganisationError as error:
            form.add_error("unit", error.message)
        else:
            messages.success(
                request,
                _("%(count)d cadres of “%(name)s” now belong to %(unit)s.")
                % {"count": count, "name": value, "unit": form.cleaned_data["unit"].name},
            )
            return redirect("organisations_admin:unmatched")
    return _render(
        request,
        "organisations/admin/map_work_unit.html",
        {"form": form, "value": value, "cadres": cadres},
        _("Map a work unit"),
        icon="link",
        status=400 if form.errors else 200,
    )
