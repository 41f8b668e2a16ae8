"""Background work of the organisations app: the reminder emails unit administrators ask for."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation


@shared_task(ignore_result=True)
def send_cadre_reminder(reminder_id):
    """Email one reminder (queued by ``services.remind_cadres``) with the cadre's hours so far.

    The reminder row is locked and marked sent in the same transaction, so running the task
    twice sends one email.  Returns True when an email went out.
    """
    from courses import services as course_services

    from .models import CadreReminder

    with transaction.atomic():
        reminder = (
            CadreReminder.objects.select_for_update(of=("self",))
            .select_related("user__unit", "requested_by")
            .filter(pk=reminder_id)
            .first()
        )
        if reminder is None or reminder.sent_at is not None or not reminder.user.email:
            return False
        user = reminder.user
        with translation.override(reminder.language or settings.LANGUAGE_CODE):
            summary = course_services.year_summary(user, reminder.year)
            context = {
                "user": user,
                "summary": summary,
                "missing": max(summary["target"] - summary["total"], 0),
                "missing_required": max(summary["required_target"] - summary["required"], 0),
                "unit_name": user.unit.name_for(reminder.language) if user.unit else "",
                "requested_by": reminder.requested_by,
                "site_url": getattr(settings, "SITE_URL", ""),
            }
            subject = render_to_string("organisations/email/reminder_subject.txt", context).strip()
            body = render_to_string("organisations/email/reminder_body.txt", context)
        send_mail(subject, body, None, [user.email])
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
    return True


@shared_task(ignore_result=True)
def send_declaration_email(declaration_id, kind):
    """Tell a cadre that their declared hours were approved (and credited) or rejected, with the comment.

    Sent through the outbox after the decision commits; a declaration whose status no longer
    matches ``kind`` sends nothing.  Returns True when an email went out.
    """
    from .models import DeclarationEvent, DeclarationStatus, HoursDeclaration

    declaration = HoursDeclaration.objects.select_related("user", "unit").filter(pk=declaration_id).first()
    expected = DeclarationStatus.APPROVED if kind == "approved" else DeclarationStatus.REJECTED
    if declaration is None or declaration.status != expected or not declaration.user.email:
        return False
    comments = [
        event.comment
        for event in declaration.events.exclude(action=DeclarationEvent.Action.SUBMITTED).order_by("at", "pk")
        if event.comment
    ]
    with translation.override(declaration.language or settings.LANGUAGE_CODE):
        context = {
            "declaration": declaration,
            "user": declaration.user,
            "kind": kind,
            "comments": comments,
            "activity_type": declaration.get_activity_type_display(),
            "site_url": getattr(settings, "SITE_URL", ""),
        }
        subject = render_to_string("organisations/email/declaration_subject.txt", context).strip()
        body = render_to_string("organisations/email/declaration_body.txt", context)
    send_mail(subject, body, None, [declaration.user.email])
    return True
