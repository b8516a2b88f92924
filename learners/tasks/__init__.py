"""Celery tasks of the learners app (autodiscovered as ``learners.tasks``)."""

from learners.tasks.imports import enrolment_import_process
from learners.tasks.sessions import (
    session_cancellation_notify,
    session_reminders_send,
)

__all__ = [
    "enrolment_import_process",
    "session_cancellation_notify",
    "session_reminders_send",
]
