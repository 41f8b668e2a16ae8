from django.urls import path

from . import api, feeds, openapi

app_name = "visits_api"

urlpatterns = [
    path("slots/", api.slots, name="slots"),
    path("requests/", api.create_request, name="requests"),
    path("requests/<str:code>/", api.request_status, name="request"),
    path("feed/<str:token>.ics", feeds.staff_feed, name="feed"),
    path("openapi.json", openapi.openapi_json, name="openapi"),
]
