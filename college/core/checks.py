"""System checks for settings that only work together (``manage.py check`` and every start)."""

from django.conf import settings
from django.core import checks

# The longest wait of a retried task (college/certificates/tasks.py backs off to 10 minutes).
LONGEST_RETRY_COUNTDOWN = 600


@checks.register(checks.Tags.compatibility)
def visibility_timeout_above_every_task(app_configs=None, **kwargs):
    """A Redis visibility timeout shorter than a task or a retry hands that task out twice."""
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
    timeout = options.get("visibility_timeout", 3600)  # kombu's default
    longest = max(getattr(settings, "CELERY_TASK_TIME_LIMIT", 0) or 0, LONGEST_RETRY_COUNTDOWN)
    if timeout <= longest:
        return [
            checks.Error(
                f"CELERY_VISIBILITY_TIMEOUT ({timeout} s) must be longer than the longest task or retry ({longest} s).",
                hint="Raise CELERY_VISIBILITY_TIMEOUT or lower CELERY_TASK_TIME_LIMIT (docs/deployment.md).",
                id="college.E001",
            )
        ]
    return []
