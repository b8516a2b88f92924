"""Exports: a file built now when small, by a Celery job when large."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from reporting.exports.formats import WRITERS
from reporting.exports.registry import MUNICIPALITY, PROVINCE, Export, Request
from reporting.forms import AbsentFilterForm, PeriodForm
from reporting.models import ExportJob, ExportStatus
from reporting.privacy import threshold_for
from reporting.selectors import Access, municipality_access, reporting_allowed

logger = logging.getLogger(__name__)

# A job running this long has lost its worker (a build takes seconds to
# minutes): it is claimed again by a redelivered task or the periodic sweep.
ABANDONED_AFTER = timedelta(minutes=30)


def export_spec(*, table: str, municipality=None) -> Export | None:
    return (MUNICIPALITY if municipality is not None else PROVINCE).get(table)


def export_access(*, user, municipality=None) -> Access:
    if municipality is not None:
        return municipality_access(user=user, municipality=municipality)
    return Access.AGGREGATES if reporting_allowed(user=user) else Access.NONE


def export_request(*, user, spec: Export, query: str, municipality=None) -> Request:
    """The filters of ``query`` for what ``user`` may see; ApplicationError (403 or
    400, message in French) otherwise."""
    access = export_access(user=user, municipality=municipality)
    if access == Access.NONE or (spec.names and access != Access.NAMES):
        raise ApplicationError(_("Vous n'avez pas accès à ce tableau."), status=403)
    form_class = PeriodForm if municipality is not None else AbsentFilterForm
    form = form_class(QueryDict(query))
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        raise ApplicationError(" ".join(errors))
    fixed = {"municipality_id": municipality.pk} if municipality is not None else {}
    return Request(
        scope=form.scope(**fixed),
        search=form.cleaned_data.get("q") or "",
        municipality=municipality,
        access=access,
        threshold=threshold_for(sees_names=access == Access.NAMES),
    )


def export_is_large(*, spec: Export, request: Request) -> bool:
    limit = getattr(settings, "REPORTING_EXPORT_ASYNC_ROWS", 1000)
    return spec.size(request) > limit


def export_build(*, spec: Export, request: Request, file_format: str, progress=None):
    return WRITERS[file_format](spec.build(request), progress)


def export_job_create(*, user, table, file_format, query, municipality, filename):
    """Record a large export; a worker builds it once the request commits."""
    from reporting.tasks import export_build_task  # tasks import services

    job = ExportJob.objects.create(
        requested_by=user,
        table=table,
        file_format=file_format,
        municipality=municipality,
        params={"query": query},
        filename=filename,
    )
    export_build_task.delay_on_commit(job.pk)
    return job


def export_job_run(*, job_id: int) -> None:
    """Build a job's file once: a pending job, or a running one whose worker
    died (started more than ``ABANDONED_AFTER`` ago). A rerun of a job that
    is done, failed or running elsewhere does nothing."""
    job = _claim(job_id, now=timezone.now())
    if job is None:
        return
    try:
        _run(job)
    except ApplicationError as error:
        _fail(job, error.message)
    except Exception:
        logger.exception("Export %s failed", job_id)
        _fail(job, _("L'exportation a échoué. Réessayez ou écrivez-nous."))
        raise


def _abandoned_q(now) -> Q:
    """Running, claimed more than ``ABANDONED_AFTER`` ago (a job marked
    running with no claim time counts from its creation)."""
    cutoff = now - ABANDONED_AFTER
    return Q(status=ExportStatus.RUNNING) & (
        Q(started_at__lt=cutoff) | Q(started_at__isnull=True, created_at__lt=cutoff)
    )


@transaction.atomic
def _claim(job_id, *, now):
    job = (
        ExportJob.objects.select_for_update(of=("self",))
        .select_related("requested_by", "municipality")
        .filter(Q(status=ExportStatus.PENDING) | _abandoned_q(now), pk=job_id)
        .first()
    )
    if job is None:
        return None
    job.status, job.started_at = ExportStatus.RUNNING, now
    job.save(update_fields=["status", "started_at"])
    return job


def _run(job):
    spec = export_spec(table=job.table, municipality=job.municipality)
    request = export_request(
        user=job.requested_by,
        spec=spec,
        query=job.params.get("query", ""),
        municipality=job.municipality,
    )
    table = spec.build(request)
    total = len(table.all_rows())
    ExportJob.objects.filter(pk=job.pk).update(total=total)

    def progress(count):
        ExportJob.objects.filter(pk=job.pk).update(processed=count)

    data = WRITERS[job.file_format](table, progress)
    job.file.save(f"{uuid.uuid4().hex}/{job.filename}", ContentFile(data), save=False)
    job.status, job.total, job.processed = ExportStatus.DONE, total, total
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "total", "processed", "finished_at"])


def _fail(job, message):
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.FAILED, error=message, finished_at=timezone.now()
    )


def export_jobs_purge(*, now=None) -> int:
    """Delete exports older than ``REPORTING_EXPORT_RETENTION_DAYS`` (their
    files go with them, see ``reporting.receivers``): a file can name
    learners, and its requester has had days to download it. A job still
    pending or running by then will never finish: it goes too. Returns how
    many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REPORTING_EXPORT_RETENTION_DAYS)
    deleted, _by_model = ExportJob.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def export_jobs_abandoned_restart(*, now=None) -> int:
    """Hand every job left running by a dead worker to a new task. Returns
    how many."""
    from reporting.tasks import export_build_task  # tasks import services

    now = now or timezone.now()
    abandoned = list(
        ExportJob.objects.filter(_abandoned_q(now)).values_list("pk", flat=True)
    )
    for job_id in abandoned:
        export_build_task.delay_on_commit(job_id)
    return len(abandoned)
