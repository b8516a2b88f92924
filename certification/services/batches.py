"""Issuing (or reissuing) the certificates of every learner who completed a path."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from certification.models import (
    BatchStatus,
    Certificate,
    CertificateAction,
    CertificateBatch,
)
from certification.services.issuance import certificate_issue, certificate_reissue
from learners.models import PathCompletion


def _completions(path):
    return PathCompletion.objects.filter(path=path).select_related("user")


def certificate_batch_create(
    *, path, requested_by=None, reissue=False, enqueue=True
) -> CertificateBatch:
    """Record a bulk job; with ``enqueue`` a worker runs it after commit."""
    from certification.tasks import certificate_batch_run  # tasks import services

    batch = CertificateBatch.objects.create(
        path=path,
        requested_by=requested_by,
        reissue=reissue,
        total=_completions(path).count(),
    )
    if enqueue:
        certificate_batch_run.delay_on_commit(batch.pk)
    return batch


def _process(batch, completion) -> str | None:
    """Issue or reissue one learner's certificate; say which, if either."""
    existing = Certificate.objects.filter(user=completion.user, path=batch.path).first()
    if existing is None:
        certificate_issue(
            user=completion.user,
            path=batch.path,
            actor=batch.requested_by,
            action=CertificateAction.BULK,
        )
        return "issued"
    if batch.reissue:
        certificate_reissue(
            certificate=existing,
            actor=batch.requested_by,
            reason=_("Réémission par lot"),
        )
        return "reissued"
    return None


def _advance(batch, outcome):
    counters = {"processed": F("processed") + 1}
    if outcome:
        counters[outcome] = F(outcome) + 1
    CertificateBatch.objects.filter(pk=batch.pk).update(**counters)


def _start(batch):
    """(Re)start from zero: a rerun after a crash counts everything again."""
    batch.status = BatchStatus.RUNNING
    batch.total = _completions(batch.path).count()
    batch.processed = batch.issued = batch.reissued = 0
    batch.save(update_fields=["status", "total", "processed", "issued", "reissued"])


def _finish(batch, status):
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=status, finished_at=timezone.now()
    )
    batch.refresh_from_db()
    return batch


def certificates_issue_for_path(*, batch_id: int) -> CertificateBatch:
    """Run a bulk job. Each learner is a transaction of its own, so progress
    shows while it runs; a finished job is not run twice."""
    batch = CertificateBatch.objects.select_related("path", "requested_by").get(
        pk=batch_id
    )
    if batch.status == BatchStatus.DONE:
        return batch
    _start(batch)
    try:
        for completion in _completions(batch.path).order_by("pk").iterator():
            with transaction.atomic():
                _advance(batch, _process(batch, completion))
    except Exception:
        _finish(batch, BatchStatus.FAILED)
        raise
    return _finish(batch, BatchStatus.DONE)
