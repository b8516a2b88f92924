from celery import shared_task


@shared_task
def session_reminders_send():
    raise NotImplementedError  # written with the sessions
