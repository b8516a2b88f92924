from celery import shared_task

from courses.models import TrainingSession
from learners.services.sessions import session_cancellation_notices_send
from learners.services.sessions import session_reminders_send as reminders_send


@shared_task(
    name="learners.tasks.sessions.session_reminders_send",
    acks_late=True,
    reject_on_worker_lost=True,
)
def session_reminders_send():
    """Run by Celery beat every 15 minutes; the service sends each reminder
    once, so overlapping or repeated runs are harmless."""
    return reminders_send()


@shared_task(
    name="learners.tasks.sessions.session_cancellation_notify",
    acks_late=True,
    reject_on_worker_lost=True,
)
def session_cancellation_notify(session_id):
    """Tell a session's registrants that it is cancelled, or, if the
    cancellation was undone meanwhile, that it is back on. Each is told once,
    so a re-run (or a second save of the session) sends nothing new."""
    session = TrainingSession.objects.filter(pk=session_id).first()
    if session is None:
        return 0
    return session_cancellation_notices_send(session=session)
