"""Celery tasks of certificates. Each is safe to run twice (see services.issue_certificate)."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError

from college.core.checks import LONGEST_RETRY_COUNTDOWN

logger = logging.getLogger(__name__)

# Worth another try: the database or the file storage hiccupped.
TRANSIENT_ERRORS = (DatabaseError, OSError)


def max_retries():
    return int(getattr(settings, "COLLEGE_CERTIFICATES_MAX_RETRIES", 5))


def backoff_seconds(retries):
    """Exponential backoff: 10 s, 20 s, 40 s … at most 10 minutes."""
    return min(10 * 2**retries, LONGEST_RETRY_COUNTDOWN)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def render_certificate(self, certificate_id):
    """Render and issue one certificate; transient failures retry with backoff, others mark it failed."""
    from . import services

    try:
        services.issue_certificate(certificate_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= max_retries():
            logger.exception("certificate %s: giving up after %s retries", certificate_id, self.request.retries)
            services.mark_failed(certificate_id, f"{type(exc).__name__}: {exc}")
            return
        logger.warning("certificate %s: %s, retrying", certificate_id, exc)
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries), max_retries=max_retries()) from exc
    except Exception as exc:
        # A template or data error will not mend itself: record it for staff.
        logger.exception("certificate %s could not be rendered", certificate_id)
        services.mark_failed(certificate_id, f"{type(exc).__name__}: {exc}")
