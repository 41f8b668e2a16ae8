"""A transactional outbox for Celery tasks: a change and the news of it commit together.

``send_after_commit(task, *args)`` writes an ``OutboxMessage`` inside the caller's transaction
and hands the task to the broker once that transaction commits.  If the broker does not answer
(Redis stopped, network cut), the request still succeeds — the booking is stored — and the row
stays unsent; ``relay_unsent()`` (run by beat every minute as ``college.core.tasks.relay_outbox``)
sends it when the broker is back.  A message is handed over at most once by the relay (rows are
locked, ``skip_locked``); the tasks themselves are written to be safe when run twice, which covers
the rare hand-over whose acknowledgement was lost.
"""

import logging

from celery import Task, current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# What a broker that is down raises: kombu's OperationalError and the socket errors under it.
BROKER_DOWN = (BrokerError, OSError)
RELAY_BATCH = 200


def send_after_commit(task: Task, *args, queue: str = "") -> OutboxMessage:
    """Record ``task(*args)`` now; hand it to the broker when the current transaction commits."""
    message = OutboxMessage.objects.create(task=task.name, args=list(args), queue=queue)
    transaction.on_commit(lambda: hand_over(message.pk))
    return message


def hand_over(message_id: int) -> bool:
    """Give one unsent message to the broker; False (and the error kept) if it does not answer."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:  # sent already, or another process is sending it
            return True
        task = current_app.tasks[message.task]
        options = {"queue": message.queue} if message.queue else {}
        message.attempts += 1
        try:
            # retry=False: fail at once when the broker is down instead of holding the request.
            task.apply_async(args=message.args, retry=False, **options)
        except BROKER_DOWN as error:
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            message.save(update_fields=["attempts", "last_error"])
            logger.warning("outbox: broker unavailable, %s kept for later (%s)", message, error)
            return False
        message.sent_at = timezone.now()
        message.save(update_fields=["sent_at", "attempts"])
    return True


def unsent():
    return OutboxMessage.objects.filter(sent_at__isnull=True).order_by("created_at")


def relay_unsent(limit: int = RELAY_BATCH) -> int:
    """Hand over what waits, oldest first; stop at the first refusal. Returns how many went."""
    sent = 0
    for message_id in unsent().values_list("pk", flat=True)[:limit]:
        if not hand_over(message_id):
            break
        sent += 1
    return sent
