"""Celery tasks of the certification app. Each takes primary keys and calls
one service; the services are idempotent, so a redelivered task is harmless.
They acknowledge only when done (``acks_late``) and go back to the queue if
their worker dies (``reject_on_worker_lost``)."""

from celery import shared_task
from django.db import OperationalError

from certification import services
from courses.models import LearningPathPage
from learners.models import User


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def certificate_issue_task(user_id: int, path_id: int):
    user = User.objects.get(pk=user_id)
    path = LearningPathPage.objects.get(pk=path_id)
    certificate, _created = services.certificate_issue(user=user, path=path)
    return certificate.pk


@shared_task(acks_late=True, reject_on_worker_lost=True)
def certificate_batch_run(batch_id: int):
    services.certificates_issue_for_path(batch_id=batch_id)
