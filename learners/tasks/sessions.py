from celery import shared_task

from learners.services.sessions import session_reminders_send as reminders_send


@shared_task(name="learners.tasks.sessions.session_reminders_send")
def session_reminders_send():
    """Run by Celery beat every 15 minutes; the service sends each reminder
    once, so overlapping or repeated runs are harmless."""
    return reminders_send()
