from django.urls import path, re_path

from . import admin_views

urlpatterns = [
    path("classes/", admin_views.class_list, name="classes"),
    path("classes/<int:pk>/", admin_views.class_detail, name="class_detail"),
    path("classes/<int:pk>/roster/", admin_views.class_roster, name="class_roster"),
    re_path(r"^classes/(?P<pk>[0-9]+)/export\.(?P<fmt>csv|xlsx)$", admin_views.class_export, name="class_export"),
    path("classes/<int:pk>/remind/", admin_views.class_remind, name="class_remind"),
    path("credit-hours/", admin_views.credit_reports, name="credit_reports"),
    re_path(
        r"^credit-hours/(?P<year>[0-9]{4})/(?P<kind>learners|units)\.(?P<fmt>csv|xlsx)$",
        admin_views.credit_export,
        name="credit_export",
    ),
    path("credit-hours/offline/", admin_views.offline_credit, name="offline_credit"),
]
