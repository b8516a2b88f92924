from celery import shared_task

from privacy.services.export import data_export_run
from privacy.services.retention import retention_apply


@shared_task(
    name="privacy.tasks.data_export_build", acks_late=True, reject_on_worker_lost=True
)
def data_export_build(job_id):
    """Build one learner's large "Mes données" archive; a rerun is harmless."""
    data_export_run(job_id=job_id)


@shared_task(
    name="privacy.tasks.retention_apply", acks_late=True, reject_on_worker_lost=True
)
def retention_apply_task():
    """Run by Celery beat every day; returns what it did (counts only)."""
    return retention_apply().counts
