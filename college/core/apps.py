from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "college.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, signals  # noqa: F401
        from .embedded import ensure_embedded_directories
        from .page_cache import connect_signals

        connect_signals()

        # The settings never write when imported; the embedded SQLite files need their directory.
        ensure_embedded_directories()
