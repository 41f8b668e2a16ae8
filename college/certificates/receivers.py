"""Listeners of the course library's completion signals (docs/courses.md)."""

import logging

from django.dispatch import receiver

from courses.signals import course_completed, training_class_completed

from . import services

logger = logging.getLogger(__name__)


@receiver(course_completed, dispatch_uid="certificates.course_completed")
def certificate_for_completed_course(sender, user, course, completion, **kwargs):
    """A completed course earns a certificate, rendered by a worker after commit."""
    try:
        services.request_certificate(user, course=course, language=completion.language)
    except Exception:
        # The completion is already committed; a certificate problem must not turn the
        # learner's request into an error. Staff can issue it from the admin.
        logger.exception("no certificate requested for user %s, course %s", user.pk, course.pk)


@receiver(training_class_completed, dispatch_uid="certificates.training_class_completed")
def certificate_for_completed_class(sender, user, training_class, membership, **kwargs):
    """A completed training class earns a class certificate listing its courses and hours."""
    try:
        services.request_certificate(user, training_class=training_class, language=membership.language)
    except Exception:
        logger.exception("no certificate requested for user %s, class %s", user.pk, training_class.pk)
