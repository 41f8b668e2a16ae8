"""Admin: the case listing, managed lists (regions, dispute types) and the bulk import screen."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import CasePage, DisputeType, Region


class CasePageFilterSet(PageListingViewSet.filterset_class):
    class Meta:
        model = CasePage
        fields = ["field", "level", "region", "dispute_type", "release"]


class CasePageListingViewSet(PageListingViewSet):
    """A flat list of every case, with the case's facets as filters."""

    model = CasePage
    icon = "doc-full"
    menu_label = _("Typical cases")
    menu_order = 300
    add_to_admin_menu = True
    columns = PageListingViewSet.columns + [
        Column("case_number", label=_("Case number"), sort_key="case_number"),
        Column("date_released", label=_("Released"), sort_key="date_released"),
    ]
    filterset_class = CasePageFilterSet


@hooks.register("register_admin_viewset")
def register_case_listing():
    return CasePageListingViewSet("case_pages")


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "name_en", "code", "sort_order"]
    search_fields = ["name", "name_en", "code"]


class DisputeTypeViewSet(SnippetViewSet):
    model = DisputeType
    icon = "tag"
    list_display = ["name", "name_en", "code", "sort_order"]
    search_fields = ["name", "name_en", "code"]


class CaseListsGroup(SnippetViewSetGroup):
    items = (RegionViewSet, DisputeTypeViewSet)
    menu_icon = "list-ul"
    menu_label = _("Case lists")
    menu_name = "case-lists"


register_snippet(CaseListsGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("cases/import/", admin_views.import_view, name="cases_import"),
        path("cases/import/template.csv", admin_views.import_template_view, name="cases_import_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .models import CaseLibraryPage

        return any(lib.permissions_for_user(request.user).can_add_subpage() for lib in CaseLibraryPage.objects.all())


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import cases"), reverse("cases_import"), icon_name="upload", order=310)
