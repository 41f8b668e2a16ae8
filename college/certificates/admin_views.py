"""Staff screens in the Wagtail admin: one certificate (revoke, reissue, audit trail),
certificates per training class, bulk issue with a progress bar, and the class ZIP."""

import tempfile
import zipfile

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from college.core.staff import StaffPermissionMixin, require_permission, staff_permission_required

from . import services
from .models import Certificate, IssueBatch

VIEW = "certificates.view_certificate"
CHANGE = "certificates.change_certificate"


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the certificate's audit trail."),
    )


class CertificateDetailView(WagtailAdminTemplateMixin, TemplateView):
    """The "edit" screen of a certificate: its facts, audit trail, and revoke/reissue forms."""

    template_name = "certificates/admin/certificate.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Certificate %(serial)s") % {"serial": self.certificate.serial}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("certificates_admin:index"), "label": _("Certificates")},
            {"url": "", "label": self.certificate.serial},
        ]

    def dispatch(self, request, pk):
        require_permission(request.user, VIEW)
        self.certificate = get_object_or_404(Certificate.objects.select_related("user", "replaces"), pk=pk)
        return super().dispatch(request, pk)

    def post(self, request, pk):
        require_permission(request.user, CHANGE)
        action = request.POST.get("action")
        form = ReasonForm(request.POST)
        if action not in {"revoke", "reissue", "retry"}:
            messages.error(request, _("Unknown action."))
            return redirect("certificates_admin:edit", pk=pk)
        if action == "retry":
            services.retry_failed(self.certificate, actor=request.user)
            messages.success(request, _("The certificate is being rendered again."))
            return redirect("certificates_admin:edit", pk=pk)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**{f"{action}_form": form}))
        try:
            if action == "revoke":
                services.revoke(self.certificate, form.cleaned_data["reason"], request.user)
                messages.success(request, _("Certificate %(serial)s revoked.") % {"serial": self.certificate.serial})
                return redirect("certificates_admin:edit", pk=pk)
            new = services.reissue(self.certificate, form.cleaned_data["reason"], request.user)
        except services.CertificateError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(**{f"{action}_form": form}))
        messages.success(
            request,
            _("Certificate %(old)s superseded by %(new)s, which is being rendered.")
            % {"old": self.certificate.serial, "new": new.serial},
        )
        return redirect("certificates_admin:edit", pk=new.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        context.update(
            {
                "certificate": certificate,
                "events": certificate.events.select_related("actor"),
                "replaced_by": Certificate.objects.filter(replaces=certificate).first(),
                "can_change": self.request.user.has_perm(CHANGE),
                "verify_url": services.verification_path(certificate),
                "download_url": reverse("certificates:download", kwargs={"pk": certificate.pk}),
                "revoke_form": kwargs.get("revoke_form") or ReasonForm(prefix=None),
                "reissue_form": kwargs.get("reissue_form") or ReasonForm(prefix=None),
            }
        )
        return context


def certificate_add(request):
    messages.info(
        request, _("Certificates are issued when a learner completes; use “Class certificates” to issue for a class.")
    )
    return redirect("certificates_admin:index")


def certificate_delete(request, pk):
    messages.error(request, _("Certificates are never deleted: revoke or reissue them instead."))
    return redirect("certificates_admin:edit", pk=pk)


# ---------------------------------------------------------------------------
# Training classes: bulk issue, progress, ZIP
# ---------------------------------------------------------------------------
class ClassListView(StaffPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/classes.html"
    page_title = gettext_lazy("Class certificates")
    header_icon = "group"
    permission_required = VIEW

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        from django.db.models import Count, Q

        from courses.models import TrainingClass

        context = super().get_context_data(**kwargs)
        classes = TrainingClass.objects.annotate(
            member_count=Count("members", distinct=True),
            completed_count=Count("members", filter=Q(members__completed_at__isnull=False), distinct=True),
        ).order_by("-start_date", "name")
        issued = {}
        for row in (
            Certificate.objects.filter(kind=Certificate.Kind.TRAINING_CLASS)
            .exclude(status=Certificate.Status.SUPERSEDED)
            .values("training_class_id", "status")
        ):
            issued.setdefault(row["training_class_id"], {}).setdefault(row["status"], 0)
            issued[row["training_class_id"]][row["status"]] += 1
        rows = []
        for training_class in classes:
            counts = issued.get(training_class.pk, {})
            rows.append(
                {
                    "training_class": training_class,
                    "issued": counts.get("issued", 0),
                    "pending": counts.get("pending", 0),
                    "failed": counts.get("failed", 0),
                    "batch": IssueBatch.objects.filter(training_class_id=training_class.pk).first(),
                }
            )
        context["rows"] = rows
        context["can_change"] = self.request.user.has_perm(CHANGE)
        return context


@staff_permission_required(CHANGE)
def bulk_issue(request, class_id):
    """POST: request a certificate for every member who completed the class, then show progress."""
    from courses.models import TrainingClass

    if request.method != "POST":
        return redirect("certificates_admin_classes")
    training_class = get_object_or_404(TrainingClass, pk=class_id)
    batch = services.bulk_issue_for_class(training_class, request.user)
    return redirect("certificates_admin_batch", pk=batch.pk)


class BatchView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/batch.html"
    header_icon = "time"

    def get_page_title(self):
        return _("Issuing certificates: %(name)s") % {"name": self.batch.training_class_name}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("certificates_admin_classes"), "label": _("Class certificates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, pk):
        require_permission(request.user, VIEW)
        self.batch = get_object_or_404(IssueBatch, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "batch": self.batch,
                "progress": services.batch_progress(self.batch),
                "progress_url": reverse("certificates_admin_batch_progress", kwargs={"pk": self.batch.pk}),
                "zip_url": reverse("certificates_admin_class_zip", kwargs={"class_id": self.batch.training_class_id}),
            }
        )
        return context


@staff_permission_required(VIEW)
def batch_progress(request, pk):
    """JSON polled by the progress bar."""
    batch = get_object_or_404(IssueBatch, pk=pk)
    return JsonResponse(services.batch_progress(batch))


@staff_permission_required(VIEW)
def class_zip(request, class_id):
    """All issued certificates of a class as one ZIP (built in a temporary file, streamed)."""
    certificates = list(services.class_certificates(class_id))
    if not certificates:
        raise Http404(_("No issued certificates for this class yet."))
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            with certificate.pdf.open("rb") as handle:
                archive.writestr(f"{certificate.serial}-{certificate.holder_name}.pdf", handle.read())
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=f"certificates-class-{class_id}.zip", content_type="application/zip"
    )
