from celery import shared_task


@shared_task
def enrolment_import_process(import_id):
    raise NotImplementedError  # written with the CSV import
