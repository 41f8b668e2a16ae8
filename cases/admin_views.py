"""The bulk import screen of the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import CaseImportForm
from .importing import COLUMNS, ImportFileError, import_cases, template_csv


def import_view(request):
    form = CaseImportForm(request.POST or None, request.FILES or None, user=request.user)
    if not form.fields["library"].queryset.exists():
        raise PermissionDenied
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = import_cases(form.cleaned_data["file"], form.cleaned_data["library"], request.user)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
    status = 400 if request.method == "POST" and (not form.is_valid() or (report and not report.imported)) else 200
    return TemplateResponse(
        request,
        "cases/admin/import.html",
        {"form": form, "report": report, "columns": COLUMNS, "page_title": _("Import cases")},
        status=status,
    )


def import_template_view(request):
    if not CaseImportForm(user=request.user).fields["library"].queryset.exists():
        raise PermissionDenied
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases-template.csv"'
    return response
