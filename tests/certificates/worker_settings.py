"""Settings for the Celery workers the certificates tests start (tests/certificates/test_worker.py).

The test settings, plus a test-only pause before each certificate is rendered, so that a test
can kill the worker while a certificate is being rendered: with CERTIFICATES_TEST_RENDER_DELAY
set (seconds), every pool process of the worker wraps ``college.certificates.rendering.render_pdf``
in a sleep.  ``services.issue_certificate`` looks ``render_pdf`` up on that module each time it
runs, after it has counted the attempt, so the pause falls between "attempt counted" and "issued".
"""

import os
import time

from celery.signals import worker_process_init

from college.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CERTIFICATES_TEST_RENDER_DELAY = float(os.environ.get("CERTIFICATES_TEST_RENDER_DELAY", "0"))


@worker_process_init.connect
def pause_before_rendering(**kwargs):
    """In each pool process, make rendering wait CERTIFICATES_TEST_RENDER_DELAY seconds first."""
    if not CERTIFICATES_TEST_RENDER_DELAY:
        return
    from college.certificates import rendering

    render_pdf = rendering.render_pdf

    def render_pdf_after_a_pause(*args, **kwargs):
        time.sleep(CERTIFICATES_TEST_RENDER_DELAY)
        return render_pdf(*args, **kwargs)

    rendering.render_pdf = render_pdf_after_a_pause
