"""Settings for the Celery workers the certificates tests start (tests/certificates/test_worker.py).

The test settings, plus a test-only pause before rendering so that a test can kill the worker
while a certificate is being rendered.
"""

import os

from college.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
COLLEGE_CERTIFICATES_TEST_RENDER_DELAY = float(os.environ.get("CERTIFICATES_TEST_RENDER_DELAY", "0"))
