from django.urls import path, re_path

from . import views

app_name = "courses"

# Every path starts with "learning/" so no course or lesson slug can shadow it.
urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    re_path(r"^learning/ledger/(?P<year>[0-9]{4})\.(?P<fmt>csv|pdf)$", views.ledger_export, name="ledger_export"),
    path("learning/enrol/<int:page_id>/", views.enrol, name="enrol"),
    path("learning/unenrol/<int:page_id>/", views.unenrol, name="unenrol"),
    path("learning/read/<int:page_id>/", views.confirm_read, name="confirm_read"),
    path("learning/quiz/<int:page_id>/start/", views.start_quiz, name="start_quiz"),
    path("learning/attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path("learning/attempts/<int:attempt_id>/review/", views.review, name="review"),
]
