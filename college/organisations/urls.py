from django.urls import path

from . import views

app_name = "organisations"

# Under "learning/" beside the courses' pages, before Wagtail's page catch-all.
urlpatterns = [
    path("learning/declarations/", views.my_declarations, name="declarations"),
    path("learning/declarations/<int:pk>/evidence/", views.evidence, name="evidence"),
]
