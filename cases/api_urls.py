from django.urls import path

from . import views

app_name = "cases_api"

urlpatterns = [
    path("search/", views.search_api, name="search"),
]
