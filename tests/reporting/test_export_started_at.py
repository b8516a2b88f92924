"""``ExportJob.started_at``: set when a worker claims a job, read to find the
jobs a dead worker left running, and copied from ``params`` by the
migration that added it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from learners.models import User
from reporting.exports.service import ABANDONED_AFTER, export_jobs_abandoned_restart
from reporting.models import ExportJob, ExportStatus

BEFORE = [("reporting", "0002_municipality_territory")]


def _job(user, **fields):
    return ExportJob.objects.create(
        requested_by=user,
        table="municipalites",
        file_format="csv",
        params={"query": ""},
        filename="municipalites.csv",
        **fields,
    )


@pytest.mark.django_db
def test_a_claim_records_when_it_started_and_not_in_params(coordinator):
    from reporting.tasks import export_build_task

    job = _job(coordinator)
    before = timezone.now()
    export_build_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE
    assert before <= job.started_at <= job.finished_at
    assert job.params == {"query": ""}


@pytest.mark.django_db
def test_only_jobs_claimed_long_ago_are_abandoned(
    coordinator, django_capture_on_commit_callbacks
):
    now = timezone.now()
    old = now - ABANDONED_AFTER - timedelta(minutes=1)
    recent = now - ABANDONED_AFTER + timedelta(minutes=1)
    dead = _job(coordinator, status=ExportStatus.RUNNING, started_at=old)
    _job(coordinator, status=ExportStatus.RUNNING, started_at=recent)
    _job(coordinator, status=ExportStatus.PENDING, started_at=old)
    _job(coordinator, status=ExportStatus.DONE, started_at=old)
    # Running with no claim time (written by hand): counted from its creation.
    unclaimed = _job(coordinator, status=ExportStatus.RUNNING)
    ExportJob.objects.filter(pk=unclaimed.pk).update(created_at=old)
    fresh = _job(coordinator, status=ExportStatus.RUNNING)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert export_jobs_abandoned_restart(now=now) == 2
    assert len(callbacks) == 2
    for job in (dead, unclaimed):
        job.refresh_from_db()
        assert job.status == ExportStatus.DONE and job.started_at >= now
    fresh.refresh_from_db()
    assert fresh.status == ExportStatus.RUNNING and fresh.started_at is None


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_copies_params_started_at_into_the_column():
    user = User.objects.create(email="migration@exemple.qc.ca")
    started = timezone.now().replace(microsecond=0) - timedelta(hours=2)
    try:
        old_apps = _migrate(BEFORE)
        OldJob = old_apps.get_model("reporting", "ExportJob")
        fields = {
            "requested_by_id": user.pk,
            "table": "municipalites",
            "file_format": "csv",
            "status": "running",
        }
        claimed = OldJob.objects.create(
            params={"query": "region=12", "started_at": started.isoformat()},
            **fields,
        )
        pending = OldJob.objects.create(params={"query": ""}, **fields)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    claimed = ExportJob.objects.get(pk=claimed.pk)
    assert claimed.started_at == started
    assert claimed.params == {"query": "region=12"}
    pending = ExportJob.objects.get(pk=pending.pk)
    assert pending.started_at is None and pending.params == {"query": ""}
