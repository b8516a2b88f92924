"""The outbox: e-mails are written as rows in the caller's transaction and
sent by a worker after it commits.

Delivery is at least once. A message is marked sent in the transaction that
holds its row lock while SMTP accepts it, so a rerun after the mark sends
nothing; a worker that dies after the SMTP server accepted the message but
before that transaction commits leaves the row pending, and the message is
sent again (the one window where a recipient may get it twice).
"""

from dataclasses import dataclass
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from outbox.models import MessageStatus, OutgoingAttachment, OutgoingMessage

# What a retry may cure: the SMTP server refused or the network failed
# (ConnectionError and socket timeouts are OSErrors).
DELIVERY_ERRORS = (SMTPException, OSError)
BACKOFF_FIRST_S = 30
BACKOFF_MAX_S = 30 * 60
# A pending row this late past its expected attempt has lost its task.
LOST_AFTER_S_DEFAULT = 10 * 60


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def backoff_seconds(retries: int) -> int:
    """30 s, 1 min, 2 min... capped at 30 minutes."""
    return min(BACKOFF_FIRST_S * 2**retries, BACKOFF_MAX_S)


@transaction.atomic
def enqueue(
    *,
    key: str,
    to: list[str],
    subject: str,
    text: str,
    html: str = "",
    attachments: tuple[Attachment, ...] = (),
    from_email: str = "",
) -> tuple[OutgoingMessage, bool]:
    """Record the message in the current transaction; a worker sends it once
    that transaction commits. The same ``key`` again returns the first row
    and sends nothing more. Returns (message, created)."""
    message, created = OutgoingMessage.objects.get_or_create(
        key=key,
        defaults={
            "from_email": from_email,
            "to": list(to),
            "subject": " ".join(str(subject).split()),
            "text": text,
            "html": html,
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        OutgoingAttachment.objects.bulk_create(
            OutgoingAttachment(message=message, **vars(attachment))
            for attachment in attachments
        )
        _schedule_on_commit(message.pk)
    return message, created


def _schedule_on_commit(message_id: int) -> None:
    from outbox.tasks import send  # tasks import services

    send.delay_on_commit(message_id)


def _email(message: OutgoingMessage, connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=message.to,
        connection=connection,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    for attachment in message.attachments.all():
        email.attach(
            attachment.filename, bytes(attachment.content), attachment.mimetype
        )
    return email


def message_send(*, message_id: int) -> bool:
    """Send a pending message and mark it sent, under its row lock so that
    two workers never both send it. False if there was nothing to send (sent,
    failed, gone, or being sent right now by another worker). A delivery
    error is recorded on the row and raised for the task to retry."""
    try:
        with transaction.atomic():
            message = (
                OutgoingMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=message_id, status=MessageStatus.PENDING)
                .first()
            )
            if message is None:
                return False
            _email(message, get_connection()).send()
            # Sent: who, what subject and when stay; the body and attachments
            # go, since they may hold one-time links (invitations, sign-up
            # codes) and personal documents (certificates) no one should
            # read back from here.
            OutgoingMessage.objects.filter(pk=message.pk).update(
                status=MessageStatus.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                last_error="",
                text="",
                html="",
            )
            OutgoingAttachment.objects.filter(message_id=message.pk).delete()
    except DELIVERY_ERRORS as error:
        _attempt_failed(message_id, error)
        raise
    return True


def _attempt_failed(message_id: int, error: Exception) -> None:
    attempts = OutgoingMessage.objects.filter(pk=message_id).values_list(
        "attempts", flat=True
    )
    retries = next(iter(attempts), 0)
    OutgoingMessage.objects.filter(pk=message_id, status=MessageStatus.PENDING).update(
        attempts=F("attempts") + 1,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=timezone.now() + timedelta(seconds=backoff_seconds(retries)),
    )


def message_fail(*, message_id: int) -> None:
    """Give up on a message whose retries are spent; it stays for the record."""
    OutgoingMessage.objects.filter(pk=message_id, status=MessageStatus.PENDING).update(
        status=MessageStatus.FAILED
    )


def lost_after() -> timedelta:
    """How late past its expected attempt a pending message counts as lost
    (``OUTBOX_LOST_AFTER_S``, ten minutes by default)."""
    seconds = getattr(settings, "OUTBOX_LOST_AFTER_S", LOST_AFTER_S_DEFAULT)
    return timedelta(seconds=seconds)


def messages_lost_reschedule(*, now=None) -> int:
    """Schedule again every pending message whose task never ran (a worker
    died holding it, or the broker lost it). Returns how many."""
    now = now or timezone.now()
    lost = list(
        OutgoingMessage.objects.filter(
            status=MessageStatus.PENDING, next_attempt_at__lt=now - lost_after()
        ).values_list("pk", flat=True)[:1000]
    )
    OutgoingMessage.objects.filter(pk__in=lost).update(next_attempt_at=now)
    for message_id in lost:
        _schedule_on_commit(message_id)
    return len(lost)
