"""The certificates back office in the Wagtail admin."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from college.core.staff import StaffMenuItem

from . import admin_views
from .models import Certificate


class CertificateViewSet(ModelViewSet):
    """The list of certificates with their status; a certificate's page has revoke and reissue.

    Certificates are never created, edited or deleted by hand: "add" points to bulk issue and
    "edit" is the certificate's page with the audit trail.
    """

    model = Certificate
    name = "certificates_admin"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["serial", "holder_name", "title", "kind", "status", "issued_at", "attempts"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["serial", "holder_name", "title", "work_unit"]
    list_per_page = 50
    ordering = ["-requested_at"]

    def get_urlpatterns(self):
        # No generic add/edit/delete forms: staff act through the services only.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", admin_views.certificate_add, name="add"),
            path("edit/<int:pk>/", admin_views.CertificateDetailView.as_view(), name="edit"),
            path("delete/<int:pk>/", admin_views.certificate_delete, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
        ]


certificate_viewset = CertificateViewSet()


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [
        path("certificates/classes/", admin_views.ClassListView.as_view(), name="certificates_admin_classes"),
        path(
            "certificates/classes/<int:class_id>/issue/", admin_views.bulk_issue, name="certificates_admin_bulk_issue"
        ),
        path("certificates/classes/<int:class_id>/zip/", admin_views.class_zip, name="certificates_admin_class_zip"),
        path("certificates/batches/<int:pk>/", admin_views.BatchView.as_view(), name="certificates_admin_batch"),
        path(
            "certificates/batches/<int:pk>/progress/",
            admin_views.batch_progress,
            name="certificates_admin_batch_progress",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_class_certificates_menu_item():
    return StaffMenuItem(
        _("Class certificates"), "certificates_admin_classes", admin_views.VIEW, icon_name="group", order=311
    )
