from celery import shared_task

from outbox import services

MAX_RETRIES = 8


@shared_task(
    name="outbox.tasks.send",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
)
def send(self, message_id):
    """Send one outbox message; SMTP and network errors retry with growing
    waits, then the message is marked failed. A rerun of a sent one does
    nothing (see ``outbox.services``)."""
    try:
        return services.message_send(message_id=message_id)
    except services.DELIVERY_ERRORS as error:
        if self.request.retries >= self.max_retries:
            services.message_fail(message_id=message_id)
            return False
        raise self.retry(
            exc=error, countdown=services.backoff_seconds(self.request.retries)
        ) from error


@shared_task(name="outbox.tasks.lost_reschedule", acks_late=True)
def lost_reschedule():
    """Run by Celery beat: pending messages whose task was lost go again."""
    return services.messages_lost_reschedule()
