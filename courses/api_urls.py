from django.urls import path

from . import views

app_name = "courses_api"

urlpatterns = [
    path("viewings/", views.api_start_viewing, name="start_viewing"),
    path("viewings/end/", views.api_end_viewing, name="end_viewing"),
    path("heartbeats/", views.api_heartbeat, name="heartbeat"),
]
