"""Bulk (re)issue: the Celery job (eager in tests) and the command."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from certification import services
from certification.models import BatchStatus, Certificate, CertificateAction
from certification.tasks import certificate_batch_run
from outbox.models import OutgoingMessage
from tests.certification.conftest import complete
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def completers(site, municipalities):
    learners = [UserFactory() for _ in range(3)]
    for learner in learners:
        complete(learner, site)
    return learners


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("issue_certificates", *args, stdout=out)
    return out.getvalue().strip()


def test_a_batch_issues_what_is_missing_once(
    site, completers, administrator, django_capture_on_commit_callbacks
):
    services.certificate_issue(user=completers[0], path=site["path"])

    with django_capture_on_commit_callbacks(execute=True):
        batch = services.certificate_batch_create(
            path=site["path"], requested_by=administrator
        )

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.finished_at
    assert (batch.total, batch.processed, batch.issued, batch.reissued) == (3, 3, 2, 0)
    assert batch.percent == 100
    assert Certificate.objects.count() == 3
    bulk_events = [
        c.events.get() for c in Certificate.objects.exclude(user=completers[0])
    ]
    assert {(e.action, e.actor) for e in bulk_events} == {
        (CertificateAction.BULK, administrator)
    }


def test_a_finished_batch_does_not_run_twice(site, completers):
    batch = services.certificate_batch_create(path=site["path"], enqueue=False)
    services.certificates_issue_for_path(batch_id=batch.pk)

    again = services.certificates_issue_for_path(batch_id=batch.pk)

    assert again.issued == 3 and Certificate.objects.count() == 3


def test_the_command_issues_then_reports_what_was_already_issued(site, completers):
    assert run("--path", "cyber-elus") == "3 attestations émises, 0 déjà émises."
    assert run("--path", "cyber-elus") == "0 attestations émises, 3 déjà émises."


def test_the_command_reissues_on_request(site, completers):
    run("--path", "cyber-elus")
    completers[0].last_name = "Nouveau-Nom"
    completers[0].save()

    assert run("--path", "cyber-elus", "--reissue") == (
        "0 attestations émises, 3 réémises."
    )
    certificate = completers[0].certificates.get()
    assert certificate.holder_name.endswith("Nouveau-Nom")
    assert certificate.events.last().action == CertificateAction.REISSUED


def test_the_command_refuses_an_unknown_path(site):
    with pytest.raises(CommandError, match="inexistant"):
        run("--path", "inexistant")


def test_a_batch_rerun_after_a_dead_worker_doubles_nothing(
    site, completers, django_capture_on_commit_callbacks
):
    """The worker died half-way: the batch is still running, one certificate
    and its e-mail are recorded. The redelivered task issues the rest, and
    every learner gets one certificate and one e-mail."""
    batch = services.certificate_batch_create(path=site["path"], enqueue=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(user=completers[0], path=site["path"])
    batch.status = BatchStatus.RUNNING
    batch.save(update_fields=["status"])

    with django_capture_on_commit_callbacks(execute=True):
        certificate_batch_run.delay(batch.pk)

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.issued == 2
    assert Certificate.objects.count() == OutgoingMessage.objects.count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in completers)
