from django.urls import path

from . import api

app_name = "courses_api"

urlpatterns = [
    path("viewings/", api.api_start_viewing, name="start_viewing"),
    path("viewings/end/", api.api_end_viewing, name="end_viewing"),
    path("heartbeats/", api.api_heartbeat, name="heartbeat"),
]
