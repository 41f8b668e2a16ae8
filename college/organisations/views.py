"""The learner's pages of the organisations app: declaring offline hours (学时申报) under "My
learning", and the permission-checked download of a declaration's evidence."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from college.core.params import local_today

from . import declarations
from .forms import DeclarationForm
from .models import ActivityRule, HoursDeclaration


def _max_mb() -> str:
    return f"{declarations.evidence_max_bytes() / 1024 / 1024:g}"


@login_required
def my_declarations(request):
    """The cadre's declarations with their state, the form to declare one, and visits to declare."""
    user = request.user
    offers = list(declarations.visits_to_declare(user)) if user.unit_id else []
    visit = None
    status = 200
    if request.method == "POST":
        form = DeclarationForm(request.POST, request.FILES, max_mb=_max_mb())
        if form.is_valid():
            data = form.cleaned_data
            if data.get("visit"):
                visit = next((offer for offer in offers if offer.pk == data["visit"]), None)
                if visit is None:
                    form.add_error(None, _("This visit cannot be declared (again) by you."))
            if not form.errors:
                try:
                    declarations.declare(
                        user,
                        activity_type=data["activity_type"],
                        title=data["title"],
                        organiser=data["organiser"],
                        activity_date=data["activity_date"],
                        hours=data["hours"],
                        evidence=data.get("evidence"),
                        visit=visit,
                        language=translation.get_language() or "zh-hans",
                    )
                except declarations.DeclarationError as error:
                    for field, message in error.errors.items():
                        form.add_error(field if field in form.fields else None, message)
                else:
                    messages.success(request, _("Your declaration was sent to your unit's administrators."))
                    return redirect("organisations:declarations")
        status = 400
    else:
        initial = {}
        wanted = request.GET.get("visit", "")
        visit = next((offer for offer in offers if str(offer.pk) == wanted), None)
        if visit is not None:
            initial = {**declarations.visit_prefill(visit), "visit": visit.pk}
        form = DeclarationForm(initial=initial, max_mb=_max_mb())
    rows = (
        HoursDeclaration.objects.filter(user=user)
        .select_related("unit", "credit_entry")
        .prefetch_related("events__by")
        .order_by("-created_at", "-pk")
    )
    return TemplateResponse(
        request,
        "organisations/declarations.html",
        {
            "form": form,
            "declarations": rows,
            "offers": offers,
            "prefilled_visit": visit,
            "rules": ActivityRule.objects.all(),
            "year": local_today().year,
            "has_unit": bool(user.unit_id),
        },
        status=status,
    )


@login_required
def evidence(request, pk):
    """A declaration's evidence file, for the cadre, their unit's administrators and training staff only."""
    declaration = HoursDeclaration.objects.select_related("unit").filter(pk=pk).first()
    if declaration is None or not declaration.evidence or not declarations.may_read_evidence(request.user, declaration):
        raise Http404
    try:
        handle = declaration.evidence.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = declaration.evidence.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        content_type=declaration.evidence_type or "application/octet-stream",
        as_attachment=False,
        filename=f"declaration-{declaration.pk}.{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
