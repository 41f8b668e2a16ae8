from django.urls import path

from . import api_views

app_name = "certificates_api"

urlpatterns = [
    path("<str:code>/", api_views.certificate_status, name="status"),
]
