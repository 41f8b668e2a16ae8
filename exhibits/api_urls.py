from django.urls import path

from . import api_views

app_name = "exhibits_api"

urlpatterns = [
    path("promenade/", api_views.promenade, name="promenade"),
]
