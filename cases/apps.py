from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Typical cases")

    def ready(self):
        from . import signals  # noqa: F401
        from .search import lists  # noqa: F401
