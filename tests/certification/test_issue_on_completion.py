"""path_completed → Celery task (eager in tests) → one certificate."""

import pytest
from django.core import mail

from certification.models import Certificate
from learners.services import lesson_complete
from tests.certification.conftest import complete

pytestmark = pytest.mark.django_db


def test_completing_a_path_issues_its_certificate(
    site, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=learner, lesson=site["lesson"], source="manual")

    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.path) == (learner, site["path"])
    assert certificate.pdf
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [learner.email]


def test_completing_the_same_lesson_again_issues_nothing_more(
    site, learner, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            lesson_complete(user=learner, lesson=site["lesson"], source="manual")

    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_task_is_idempotent(site, learner, django_capture_on_commit_callbacks):
    from certification.tasks import certificate_issue_task

    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=learner, lesson=site["lesson"], source="manual")
    first = Certificate.objects.get()

    again = certificate_issue_task.delay(learner.pk, site["path"].pk).get()

    assert again == first.pk and Certificate.objects.count() == 1


def test_the_certificate_and_its_email_commit_together(site, learner):
    """A worker dying before the commit leaves neither; after it, both."""
    from django.db import transaction

    from certification.services import certificate_issue
    from outbox.models import OutgoingMessage

    complete(learner, site)
    with pytest.raises(RuntimeError), transaction.atomic():
        certificate, _created = certificate_issue(user=learner, path=site["path"])
        assert OutgoingMessage.objects.filter(
            key=f"certificate-issued:{certificate.pk}"
        ).exists()
        raise RuntimeError("the worker dies here")
    assert not Certificate.objects.exists()
    assert not OutgoingMessage.objects.exists()


def test_an_smtp_failure_loses_no_certificate_email(
    site, learner, django_capture_on_commit_callbacks
):
    """The certificate is issued; its e-mail waits in the outbox for a retry
    instead of being lost when the first attempt fails."""
    from smtplib import SMTPServerDisconnected
    from unittest import mock

    from outbox.models import MessageStatus, OutgoingMessage
    from outbox.services import message_send

    refused = mock.Mock(side_effect=SMTPServerDisconnected("serveur absent"))
    with (
        mock.patch.object(mail.EmailMultiAlternatives, "send", refused),
        pytest.raises(Exception, match="serveur absent"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        lesson_complete(user=learner, lesson=site["lesson"], source="manual")
    certificate = Certificate.objects.get()
    message = OutgoingMessage.objects.get(key=f"certificate-issued:{certificate.pk}")
    assert message.status == MessageStatus.PENDING and message.attempts == 1

    assert message_send(message_id=message.pk)
    assert [sent.to for sent in mail.outbox] == [[learner.email]]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
