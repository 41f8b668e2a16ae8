from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificates/mine/", views.mine, name="mine"),
    path("certificates/<int:pk>/download/", views.download, name="download"),
    path("certificates/verify/", views.verify_form, name="verify_form"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
]
