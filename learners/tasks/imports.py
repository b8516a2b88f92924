from celery import shared_task

from learners.services.enrolment_import import enrolment_import_run


@shared_task
def enrolment_import_process(import_id):
    """Process one uploaded enrolment file; the service makes a rerun safe."""
    enrolment_import_run(import_id=import_id)
