"""Settings of the SIGKILL test (scripts/ci/kill_worker.py): development
settings on PostgreSQL and Redis (from the environment), e-mails written to
files so they can be counted, and the broker handing back a dead worker's
unacknowledged tasks after seconds instead of an hour."""

import os

from cms.settings.dev import *  # noqa: F403

DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["VIRAGE_KILL_MAIL_DIR"]
MEDIA_ROOT = os.environ["VIRAGE_KILL_MEDIA_ROOT"]
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 30}
# Only the sweep of lost outbox messages runs here, often (beat in the worker).
CELERY_BEAT_SCHEDULE = {
    "outbox-lost": {"task": "outbox.tasks.lost_reschedule", "schedule": 5},
}
OUTBOX_LOST_AFTER_S = 10
