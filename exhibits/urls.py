from django.urls import path

from . import views

app_name = "exhibits"

urlpatterns = [
    path("exhibition-search/", views.search, name="search"),
]
