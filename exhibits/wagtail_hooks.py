from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Exhibition themes")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en", "slug"]
    ordering = ["sort_order", "name"]


register_snippet(ThemeViewSet)
