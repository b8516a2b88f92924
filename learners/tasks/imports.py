from celery import shared_task

from learners.services.enrolment_import import enrolment_import_run


@shared_task(acks_late=True, reject_on_worker_lost=True)
def enrolment_import_process(import_id):
    """Process one uploaded enrolment file. A redelivery after a dead worker
    finds the import running and starts it over: each row is idempotent (one
    account per e-mail, one enrolment per learner and path, one invitation
    per account and path in the outbox), and a finished import is left
    alone."""
    enrolment_import_run(import_id=import_id)
