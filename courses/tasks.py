"""Background work of the courses app: reminders to class members who are behind."""

import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation


def reminder_min_interval():
    return datetime.timedelta(hours=float(getattr(settings, "COLLEGE_REMINDER_MIN_INTERVAL_HOURS", 20)))


@shared_task(ignore_result=True)
def send_class_reminders(training_class_id):
    """Email every member who is behind, in their language; a member reminded recently is skipped,
    so running the task twice sends nothing twice. Returns the number of emails sent."""
    from .models import TrainingClass, TrainingClassMember
    from .reports import expected_percent, members_behind

    training_class = TrainingClass.objects.filter(pk=training_class_id).first()
    if training_class is None:
        return 0
    now = timezone.now()
    sent = 0
    for line in members_behind(training_class):
        member, user = line["member"], line["user"]
        if not user.email:
            continue
        with transaction.atomic():
            claimed = (
                TrainingClassMember.objects.filter(pk=member.pk)
                .filter(models_q_not_recent(now))
                .update(last_reminded_at=now)
            )
            if not claimed:
                continue
            language = member.language or "zh-hans"
            with translation.override(language):
                context = {
                    "user": user,
                    "training_class": training_class,
                    "class_name": training_class.name_for(language),
                    "line": line,
                    "expected": expected_percent(training_class),
                    "site_url": getattr(settings, "SITE_URL", ""),
                }
                subject = render_to_string("courses/email/reminder_subject.txt", context).strip()
                body = render_to_string("courses/email/reminder_body.txt", context)
            send_mail(subject, body, None, [user.email])
            sent += 1
    return sent


def models_q_not_recent(now):
    from django.db.models import Q

    return Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lt=now - reminder_min_interval())
