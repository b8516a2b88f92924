from celery import shared_task

from reporting.exports import export_job_run, export_jobs_purge
from reporting.exports.service import export_jobs_abandoned_restart
from reporting.rollup import rollup_refresh
from reporting.selectors import Scope, participation_report


@shared_task(name="reporting.tasks.rollup_refresh", expires=55)
def rollup_refresh_task():
    """Run by Celery beat every minute; a refresh already running makes this
    one return at once, and a late one is dropped (``expires``). Then the
    dashboard without filters is computed once, for everyone to read."""
    state = rollup_refresh()
    if state is None:
        return None
    participation_report(scope=Scope())
    return state.duration_ms


@shared_task(
    name="reporting.tasks.export_build", acks_late=True, reject_on_worker_lost=True
)
def export_build_task(job_id):
    """Build one large export; the service makes a rerun harmless, and takes
    up a job whose worker died."""
    export_job_run(job_id=job_id)


@shared_task(
    name="reporting.tasks.export_jobs_purge",
    acks_late=True,
    reject_on_worker_lost=True,
)
def export_jobs_purge_task():
    """Run by Celery beat every hour: jobs left running by a dead worker go
    to a new one, and exports past their retention go."""
    export_jobs_abandoned_restart()
    return export_jobs_purge()
