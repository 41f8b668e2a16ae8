"""The visits back office in the Wagtail admin: viewsets for the records
reception staff manage, the custom reception views, and one "Visits" menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from college.core.staff import SafeSpreadsheetExportMixin, StaffMenuItem, has_any_permission

from . import admin_views
from .models import (
    ClosedDay,
    GroupType,
    Guide,
    Hall,
    OpeningRule,
    Slot,
    Status,
    VisitRequest,
)


class HallViewSet(ModelViewSet):
    model = Hall
    icon = "home"
    menu_label = _("Halls")
    add_to_admin_menu = False
    list_display = ["name", "name_en", "capacity", "is_meeting_room", "is_active"]
    search_fields = ["name", "name_en"]
    name = "visit_halls"


class OpeningRuleViewSet(ModelViewSet):
    model = OpeningRule
    icon = "calendar-alt"
    add_to_admin_menu = False
    list_display = ["hall", "weekday", "start", "end", "capacity", "is_active"]
    list_filter = ["hall", "weekday", "is_active"]
    name = "visit_opening_rules"


class ClosedDayViewSet(ModelViewSet):
    model = ClosedDay
    icon = "cross"
    add_to_admin_menu = False
    list_display = ["date", "hall", "reason"]
    ordering = ["-date"]
    name = "visit_closed_days"


class SlotFilterSet(WagtailFilterSet):
    date_from = DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_to = DateFilter(field_name="date", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = Slot
        fields = ["hall", "is_open"]


class SlotViewSet(ModelViewSet):
    model = Slot
    icon = "time"
    add_to_admin_menu = False
    list_display = [
        "__str__",
        "capacity",
        Column("places_left", label=_("Places left"), accessor="places_left"),
        "is_open",
    ]
    filterset_class = SlotFilterSet
    ordering = ["date", "start"]
    name = "visit_slots"

    def get_queryset(self, request):
        return Slot.objects.with_places().select_related("hall")


class GuideViewSet(ModelViewSet):
    model = Guide
    icon = "user"
    add_to_admin_menu = False
    list_display = ["name", "phone", "languages", "is_active"]
    search_fields = ["name", "name_en", "phone"]
    name = "visit_guides"


class VisitRequestFilterSet(WagtailFilterSet):
    status = ChoiceFilter(choices=Status.choices, label=_("Status"))
    group_type = ChoiceFilter(choices=GroupType.choices, label=_("Group type"))
    hall = ModelChoiceFilter(field_name="slot__hall", queryset=Hall.objects.all(), label=_("Hall"))
    guide = ModelChoiceFilter(queryset=Guide.objects.all(), label=_("Guide"))
    date_from = DateFilter(field_name="slot__date", lookup_expr="gte", label=_("Visit from"))
    date_to = DateFilter(field_name="slot__date", lookup_expr="lte", label=_("Visit until"))

    class Meta:
        model = VisitRequest
        fields = ["status", "group_type", "unit_type", "province"]


class VisitRequestIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The request list; a row opens the request's back-office page, not a raw edit form.

    Its CSV/XLSX export carries what groups typed (work unit, leader): formula text is neutralised.
    """

    def get_edit_url(self, instance):
        return reverse("visits_admin:request", args=[instance.pk])

    def get_add_url(self):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None


class VisitRequestViewSet(ModelViewSet):
    model = VisitRequest
    icon = "clipboard-list"
    add_to_admin_menu = False
    index_view_class = VisitRequestIndexView
    list_display = [
        "code",
        "organisation",
        Column("slot", label=_("Slot"), accessor="slot"),
        "group_size",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "guide",
        "created_at",
    ]
    list_export = [
        "code",
        "status",
        "organisation",
        "unit_type",
        "province",
        "group_type",
        "leader_name",
        "phone",
        "email",
        "group_size",
        "slot",
        "guide",
        "actual_headcount",
        "created_at",
    ]
    export_filename = "visit-requests"
    filterset_class = VisitRequestFilterSet
    search_fields = ["code", "organisation", "leader_name", "phone", "email"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    # Requests change only through the actions of their page (services.py),
    # never through a raw model form that could break the capacity rule.
    form_fields = ["organisation"]
    name = "visits_requests"

    def get_queryset(self, request):
        return VisitRequest.objects.select_related("slot__hall", "guide")


visit_viewsets = [
    VisitRequestViewSet(),
    SlotViewSet(),
    OpeningRuleViewSet(),
    ClosedDayViewSet(),
    HallViewSet(),
    GuideViewSet(),
]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return visit_viewsets


admin_urlpatterns = [
    path("request/<int:pk>/", admin_views.request_detail, name="request"),
    path("request/<int:pk>/roster.xlsx", admin_views.roster_xlsx, name="roster"),
    path("request/<int:pk>/<str:action>/", admin_views.request_action, name="action"),
    path("calendar/", admin_views.reception_calendar, name="calendar"),
    path("check-in/", admin_views.check_in, name="check_in"),
    path("statistics/", admin_views.statistics, name="statistics"),
    path("statistics.csv", admin_views.statistics_download, name="statistics_csv"),
    path("feed/", admin_views.calendar_feed, name="feed"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("visits/", include((admin_urlpatterns, "visits_admin"), namespace="visits_admin"))]


VIEW_REQUESTS = "visits.view_visitrequest"
# (label, URL name, permission, icon) of the "Visits" menu, in menu order.
VISITS_MENU = [
    (_("Reception calendar"), "visits_admin:calendar", VIEW_REQUESTS, "date"),
    (_("Requests"), "visits_requests:index", VIEW_REQUESTS, "clipboard-list"),
    (_("Check-in"), "visits_admin:check_in", VIEW_REQUESTS, "tick"),
    (_("Statistics"), "visits_admin:statistics", VIEW_REQUESTS, "table"),
    (_("Slots"), "visit_slots:index", "visits.view_slot", "time"),
    (_("Weekly schedule"), "visit_opening_rules:index", "visits.view_openingrule", "calendar-alt"),
    (_("Closed days"), "visit_closed_days:index", "visits.view_closedday", "cross"),
    (_("Halls"), "visit_halls:index", "visits.view_hall", "home"),
    (_("Guides"), "visit_guides:index", "visits.view_guide", "user"),
    (_("My calendar feed"), "visits_admin:feed", VIEW_REQUESTS, "link"),
]

visits_menu = Menu(
    items=[
        StaffMenuItem(label, url_name, permission, icon_name=icon, order=100 * number)
        for number, (label, url_name, permission, icon) in enumerate(VISITS_MENU, start=1)
    ]
)


class VisitsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return has_any_permission(request.user, VIEW_REQUESTS)


@hooks.register("register_admin_menu_item")
def register_visits_menu():
    return VisitsSubmenu(_("Visits"), visits_menu, icon_name="group", name="visits", order=250)
