"""The Celery application: settings come from Django settings (CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.dev")

app = Celery("college")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
