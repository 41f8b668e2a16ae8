"""Training staff's views in the Wagtail admin: class progress, roster import, reminders,
offline credit hours and annual credit-hour reports."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from college.core import spreadsheets
from college.core.params import year_param
from college.core.staff import staff_permission_required

from . import reports, services
from .models import CreditEntry, CreditType, TrainingClass
from .roster import RosterFileError, import_roster


def _file_response(content, fmt, filename):
    types = {"csv": spreadsheets.CSV_CONTENT_TYPE, "xlsx": spreadsheets.XLSX_CONTENT_TYPE}
    response = HttpResponse(content, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class RosterForm(forms.Form):
    roster = forms.FileField(
        label=gettext_lazy("Roster file (CSV or XLSX)"),
        help_text=gettext_lazy(
            "Columns: name, email, mobile, work unit, position (姓名, 邮箱, 手机, 单位, 职务). "
            "Every row must be valid, or nothing is imported."
        ),
    )
    # The file's kind, size and content are checked by ``roster.read_table`` (core's spreadsheet
    # reader); its refusal becomes this field's error in ``class_roster``.


@staff_permission_required("courses.view_trainingclass")
def class_list(request):
    classes = TrainingClass.objects.prefetch_related("class_courses__course").order_by("-start_date")
    return render(request, "courses/admin/class_list.html", {"classes": classes})


def _class_context(request, training_class, form=None, result=None):
    courses, table = reports.class_progress(training_class)
    return {
        "training_class": training_class,
        "courses": courses,
        "table": table,
        "form": form or RosterForm(),
        "result": result,
        "imports": training_class.roster_imports.select_related("uploaded_by")[:5],
        "expected": reports.expected_percent(training_class),
        "behind_count": len(
            [
                line
                for line in table
                if line["member"].completed_at is None and line["overall"] < reports.expected_percent(training_class)
            ]
        ),
        "can_change": request.user.has_perm("courses.change_trainingclass"),
    }


@staff_permission_required("courses.view_trainingclass")
def class_detail(request, pk):
    training_class = get_object_or_404(TrainingClass, pk=pk)
    return render(request, "courses/admin/class_detail.html", _class_context(request, training_class))


@staff_permission_required("courses.change_trainingclass")
def class_roster(request, pk):
    """Upload a roster: all rows valid → everyone enrolled; any bad row → nothing, with a report."""
    training_class = get_object_or_404(TrainingClass, pk=pk)
    if request.method != "POST":
        return redirect("courses_admin:class_detail", pk=pk)
    form = RosterForm(request.POST, request.FILES)
    result = None
    status = 200
    if form.is_valid():
        try:
            result = import_roster(training_class, form.cleaned_data["roster"], uploaded_by=request.user)
        except RosterFileError as error:
            form.add_error("roster", error.message)
            status = 400
        else:
            if result.ok:
                messages.success(
                    request,
                    _("%(rows)d learners enrolled (%(created)d new accounts).")
                    % {"rows": result.record.row_count, "created": result.record.created_accounts},
                )
                return redirect("courses_admin:class_detail", pk=pk)
            status = 400
            messages.error(
                request,
                _("Nothing was imported: %(bad)d rows have problems. Correct them and upload the file again.")
                % {"bad": len(result.bad_rows)},
            )
    else:
        status = 400
    return render(
        request, "courses/admin/class_detail.html", _class_context(request, training_class, form, result), status=status
    )


@staff_permission_required("courses.view_trainingclass")
def class_export(request, pk, fmt):
    training_class = get_object_or_404(TrainingClass, pk=pk)
    headers, rows = reports.class_progress_export(training_class)
    if fmt == "xlsx":
        content = spreadsheets.xlsx_bytes(headers, rows, title=training_class.code)
    else:
        content = spreadsheets.csv_bytes(headers, rows)
    return _file_response(content, fmt, f"class-{training_class.code}-progress")


@require_POST
@staff_permission_required("courses.change_trainingclass")
def class_remind(request, pk):
    from django.db import transaction

    from .tasks import send_class_reminders

    training_class = get_object_or_404(TrainingClass, pk=pk)
    with transaction.atomic():
        send_class_reminders.delay_on_commit(training_class.pk)
    messages.success(request, _("Reminders are being sent to the learners who are behind."))
    return redirect("courses_admin:class_detail", pk=pk)


@staff_permission_required("courses.view_creditentry")
def credit_reports(request):
    year = year_param(request.GET.get("year"))
    unit_headers, unit_rows = reports.hours_by_work_unit(year)
    learner_headers, learner_rows = reports.hours_by_learner(year)
    years = sorted(set(CreditEntry.objects.values_list("year", flat=True)) | {timezone.localdate().year}, reverse=True)
    return render(
        request,
        "courses/admin/credit_reports.html",
        {
            "year": year,
            "years": years,
            "unit_headers": unit_headers,
            "unit_rows": unit_rows,
            "learner_headers": learner_headers,
            "learner_rows": learner_rows[:200],
            "learner_count": len(learner_rows),
            "target": services.annual_target(),
            "required_target": services.annual_required_target(),
            "can_add": request.user.has_perm("courses.add_creditentry"),
        },
    )


@staff_permission_required("courses.view_creditentry")
def credit_export(request, year, kind, fmt):
    year = int(year)
    if kind == "units":
        headers, rows = reports.hours_by_work_unit(year)
    else:
        headers, rows = reports.hours_by_learner(year)
    if fmt == "xlsx":
        content = spreadsheets.xlsx_bytes(headers, rows, title=f"{year}")
    else:
        content = spreadsheets.csv_bytes(headers, rows)
    return _file_response(content, fmt, f"credit-hours-{year}-{kind}")


class OfflineCreditForm(forms.Form):
    learner = forms.CharField(label=gettext_lazy("Learner's email or mobile number"), max_length=254)
    title = forms.CharField(label=gettext_lazy("Activity"), max_length=255)
    hours = forms.DecimalField(label=gettext_lazy("Hours"), min_value=0.25, max_value=100, decimal_places=2)
    credit_type = forms.ChoiceField(label=gettext_lazy("Required or elective"), choices=CreditType.choices)
    earned_on = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)

    def clean_learner(self):
        value = self.cleaned_data["learner"].strip()
        User = get_user_model()
        matches = list(User.objects.filter(email__iexact=value)[:2]) or list(User.objects.filter(mobile=value)[:2])
        if len(matches) != 1:
            raise forms.ValidationError(_("No single account has this email address or mobile number."))
        return matches[0]

    def clean_earned_on(self):
        value = self.cleaned_data["earned_on"]
        if value > timezone.localdate() or value < datetime.date(2000, 1, 1):
            raise forms.ValidationError(_("The date must be in the past."))
        return value


@staff_permission_required("courses.add_creditentry")
def offline_credit(request):
    """Staff add an offline activity (lecture, field study) to a learner's ledger, with a reason."""
    status = 200
    if request.method == "POST":
        form = OfflineCreditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.add_offline_credit(
                    data["learner"],
                    data["hours"],
                    data["credit_type"],
                    data["title"],
                    data["reason"],
                    data["earned_on"],
                    request.user,
                )
            except services.CourseError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("%(hours)s hours added for %(name)s.") % {"hours": entry.hours, "name": entry.user.display_name},
                )
                return redirect(f"{request.path}")
        status = 400
    else:
        form = OfflineCreditForm()
    return render(request, "courses/admin/offline_credit.html", {"form": form}, status=status)
