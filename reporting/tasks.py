from celery import shared_task

from reporting.exports import export_job_run, export_jobs_purge
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


@shared_task(name="reporting.tasks.export_build")
def export_build_task(job_id):
    """Build one large export; the service makes a rerun harmless."""
    export_job_run(job_id=job_id)


@shared_task(name="reporting.tasks.export_jobs_purge")
def export_jobs_purge_task():
    """Run by Celery beat every hour: exports past their retention go."""
    return export_jobs_purge()
