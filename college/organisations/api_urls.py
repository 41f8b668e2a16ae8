from django.urls import path

from . import api_views

app_name = "organisations_api"
urlpatterns = [
    path("units/", api_views.unit_search, name="units"),
    path("units/<str:code>/hours/", api_views.unit_hours, name="unit_hours"),
]
