"""Pages for learners (my certificates, download) and the public verification page."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import ratelimit, services, verification
from .models import Certificate


def can_download(user, certificate):
    """The holder (while the certificate is valid) and staff with permission to view certificates."""
    if not user.is_authenticated or not certificate.pdf:
        return False
    if user.has_perm("certificates.view_certificate"):
        return True
    return certificate.user_id == user.pk and certificate.status == Certificate.Status.ISSUED


@login_required
def mine(request):
    certificates = (
        Certificate.objects.filter(user=request.user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("-requested_at")
    )
    for certificate in certificates:
        certificate.display_title = certificate.title_for(request.LANGUAGE_CODE)
    return render(request, "certificates/mine.html", {"certificates": certificates})


@login_required
def download(request, pk):
    certificate = get_object_or_404(Certificate, pk=pk)
    if not can_download(request.user, certificate):
        # Not found rather than forbidden: nobody learns which certificates exist.
        raise Http404
    handle = certificate.pdf.open("rb")
    return FileResponse(
        handle, as_attachment=True, filename=f"{certificate.serial}.pdf", content_type="application/pdf"
    )


def too_many(request):
    response = HttpResponse(render_to_string("certificates/too_many.html", {}, request=request), status=429)
    response["Retry-After"] = str(ratelimit.retry_after())
    return response


@require_GET
def verify_form(request):
    """A form to type a code from a printout; sends the visitor to its verification page."""
    code = (request.GET.get("code") or "").strip()
    error = ""
    if "code" in request.GET:
        if verification.is_well_formed(code):
            return redirect("certificates:verify", code=code)
        error = _("Enter the code printed under the QR code (letters, digits, - and _).")
    return render(
        request, "certificates/verify_form.html", {"code": code, "error": error}, status=400 if error else 200
    )


@require_GET
def verify(request, code):
    if not ratelimit.hit(request):
        return too_many(request)
    certificate = verification.find(code)
    if certificate is None:
        return render(
            request,
            "certificates/verify.html",
            {"code": code, "unknown": True, "malformed": not verification.is_well_formed(code)},
            status=404,
        )
    result = verification.verdict(certificate)
    given = request.GET.get("s")
    signature = None
    if given is not None:
        signature = "ok" if services.signature_matches(certificate, given) else "tampered"
    context = {
        "code": code,
        "certificate": certificate,
        "result": result,
        "signature": signature,
        "title": certificate.title_for(request.LANGUAGE_CODE),
    }
    return render(request, "certificates/verify.html", context)
