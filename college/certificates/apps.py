from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "college.certificates"
    label = "certificates"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Certificates")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the signal receivers)
