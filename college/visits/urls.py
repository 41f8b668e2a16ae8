from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("visits/", views.request_visit, name="request"),
    path("visits/status/", views.status_lookup, name="status_lookup"),
    path("visits/status/<str:code>/", views.status, name="status"),
    path("visits/status/<str:code>/visit.ics", views.status_ics, name="status_ics"),
]
