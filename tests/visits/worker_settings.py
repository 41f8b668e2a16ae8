"""Settings for the Celery worker that tests/visits/test_broker_outage.py starts: the test settings,
sending mail into files under VISITS_TEST_MAIL_DIR so that the test can read what the worker sent."""

import os

from college.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["VISITS_TEST_MAIL_DIR"]
