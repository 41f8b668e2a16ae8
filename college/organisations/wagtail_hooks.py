"""The organisations back office in the Wagtail admin: the unit tree (a ModelViewSet whose create,
edit and delete views save through ``services``), the unit-administrator screens
(``admin_views``) and one "Unit management" (单位管理) menu."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_filters import BooleanFilter, ChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, declaration_admin, scoping, services
from .forms import UnitForm
from .models import ActivityRule, Unit, UnitType

LEVELS = [(1, _("1 · province")), (2, _("2 · city")), (3, _("3 · county or district")), (4, _("4 · town or unit"))]
LEVELS += [(depth, str(depth)) for depth in range(5, 9)]


class UnitFilterSet(WagtailFilterSet):
    unit_type = ChoiceFilter(choices=UnitType.choices, label=pgettext_lazy("unit", "Type"))
    active = BooleanFilter(label=_("Active"))
    depth = ChoiceFilter(choices=LEVELS, label=_("Level"))

    class Meta:
        model = Unit
        fields = ["unit_type", "active", "depth"]


class SavingThroughServicesMixin:
    """Create and edit views that save a unit through the services (treebeard places it)."""

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.save_instance()
        except services.OrganisationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        return self.save_action()


class UnitCreateView(SavingThroughServicesMixin, generic.CreateView):
    def save_instance(self):
        unit = self.form.instance
        fields = {name: getattr(unit, name) for name in ("name", "name_en", "code", "unit_type", "active", "aliases")}
        return services.create_unit(self.form.cleaned_data.get("parent"), **fields)


class UnitEditView(SavingThroughServicesMixin, generic.EditView):
    def save_instance(self):
        return services.update_unit(self.form.instance, self.form.cleaned_data.get("parent"))


class UnitDeleteView(generic.DeleteView):
    """Deleting is for units made by mistake: a unit in use is deactivated instead."""

    def _refuse_if_in_use(self):
        usage = services.unit_usage(self.object)
        if usage["cadres"]:
            messages.error(
                self.request,
                _(
                    "%(count)d cadres belong to this unit or its sub-units, so it cannot be deleted: deactivate it instead."
                )
                % {"count": usage["cadres"]},
            )
        elif usage["administrators"] or usage["tokens"]:
            messages.error(
                self.request,
                _("Revoke the unit's administrators and API tokens first, or deactivate it instead."),
            )
        else:
            return None
        return redirect(reverse("organisation_units:edit", args=[self.object.pk]))

    def get(self, request, *args, **kwargs):
        return self._refuse_if_in_use() or super().get(request, *args, **kwargs)

    def form_valid(self, form):
        refused = self._refuse_if_in_use()
        if refused:
            return refused
        services.delete_unit(self.object)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Units")
    add_to_admin_menu = False
    name = "organisation_units"
    add_view_class = UnitCreateView
    edit_view_class = UnitEditView
    delete_view_class = UnitDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "tree_label",
        "code",
        Column("unit_type", label=pgettext_lazy("unit", "Type"), accessor="get_unit_type_display"),
        Column("cadre_count", label=_("Cadres"), accessor="cadre_count"),
        "active",
    ]
    list_export = ["code", "name", "name_en", "unit_type", "active", "depth", "aliases"]
    export_filename = "units"
    filterset_class = UnitFilterSet
    # Chinese substrings: plain icontains on the database, no search index.
    search_fields = ["name", "name_en", "code", "aliases"]
    search_backend_name = None
    ordering = ["path"]
    list_per_page = 100

    def get_form_class(self, for_update=False):
        return UnitForm

    def get_queryset(self, request):
        return Unit.objects.annotate(cadre_count=Count("cadres"))


unit_viewset = UnitViewSet()


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return unit_viewset


class ActivityRuleViewSet(ModelViewSet):
    """The rules of each declared activity type, which training staff edit (one per type)."""

    model = ActivityRule
    icon = "cog"
    menu_label = _("Declaration rules")
    add_to_admin_menu = False
    name = "declaration_rules"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = [
        "activity_type",
        "max_hours_per_activity",
        "max_hours_per_year",
        "needs_college_confirmation",
        "credit_type",
        "evidence_required",
    ]
    list_display = [
        Column("activity_type", label=_("activity type"), accessor="get_activity_type_display"),
        "max_hours_per_activity",
        "max_hours_per_year",
        "needs_college_confirmation",
        Column("credit_type", label=_("credited as"), accessor="get_credit_type_display"),
        "evidence_required",
        "updated_at",
    ]


activity_rule_viewset = ActivityRuleViewSet()


@hooks.register("register_admin_viewset")
def register_activity_rule_viewset():
    return activity_rule_viewset


admin_urlpatterns = [
    path("declarations/", declaration_admin.declaration_list, name="declarations"),
    path("declarations/export.<str:fmt>", declaration_admin.declaration_export, name="declaration_export"),
    path("declarations/<int:pk>/", declaration_admin.declaration_detail, name="declaration"),
    path("cadres/", admin_views.cadre_list, name="cadres"),
    path("cadres/export.<str:fmt>", admin_views.cadre_export, name="cadre_export"),
    path("cadres/remind/", admin_views.cadre_remind, name="cadre_remind"),
    path("cadres/<int:pk>/", admin_views.cadre_detail, name="cadre"),
    path("report/", admin_views.unit_report, name="report"),
    path("report/export.xlsx", admin_views.unit_report_export, name="report_export"),
    path("administrators/", admin_views.administrators, name="administrators"),
    path("administrators/<int:pk>/revoke/", admin_views.revoke_administrator, name="revoke_administrator"),
    path("tokens/", admin_views.api_tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", admin_views.revoke_token, name="revoke_token"),
    path("import/", admin_views.import_units, name="import"),
    path("unmatched/", admin_views.unmatched_work_units, name="unmatched"),
    path("unmatched/map/", admin_views.map_work_unit, name="map_work_unit"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("organisations/", include((admin_urlpatterns, "organisations_admin"), namespace="organisations_admin"))
    ]


class OrganisationMenuItem(MenuItem):
    """A menu item whose URL is reversed when the menu is drawn, shown to those it is for:
    holders of ``permission`` or, without one, college staff and unit administrators."""

    def __init__(self, label, url_name, permission=None, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name
        self.permission = permission

    def is_shown(self, request):
        if self.permission:
            return request.user.has_perm(self.permission)
        return scoping.may_use_back_office(request.user)

    def render_component(self, request):
        self.url = reverse(self.url_name)
        return super().render_component(request)


organisations_menu = Menu(
    items=[
        OrganisationMenuItem(
            _("Cadres"), "organisations_admin:cadres", name="organisations-cadres", icon_name="user", order=100
        ),
        OrganisationMenuItem(
            _("Report by unit"), "organisations_admin:report", name="organisations-report", icon_name="table", order=200
        ),
        OrganisationMenuItem(
            _("Declared hours"),
            "organisations_admin:declarations",
            name="organisations-declarations",
            icon_name="doc-full",
            order=250,
        ),
        OrganisationMenuItem(
            _("Declaration rules"),
            "declaration_rules:index",
            name="organisations-declaration-rules",
            permission="organisations.change_activityrule",
            icon_name="cog",
            order=800,
        ),
        OrganisationMenuItem(
            _("Unit administrators"),
            "organisations_admin:administrators",
            name="organisations-administrators",
            icon_name="group",
            order=300,
        ),
        OrganisationMenuItem(
            _("HR API tokens"), "organisations_admin:tokens", name="organisations-tokens", icon_name="key", order=400
        ),
        OrganisationMenuItem(
            _("Units"),
            "organisation_units:index",
            name="organisations-units",
            permission="organisations.view_unit",
            icon_name="site",
            order=500,
        ),
        OrganisationMenuItem(
            _("Import units"),
            "organisations_admin:import",
            name="organisations-import",
            permission="organisations.add_unit",
            icon_name="upload",
            order=600,
        ),
        OrganisationMenuItem(
            _("Unmatched work units"),
            "organisations_admin:unmatched",
            name="organisations-unmatched",
            permission="organisations.change_unit",
            icon_name="link",
            order=700,
        ),
    ]
)


@hooks.register("register_admin_menu_item")
def register_organisations_menu():
    return SubmenuMenuItem(_("Unit management"), organisations_menu, icon_name="site", name="organisations", order=240)
