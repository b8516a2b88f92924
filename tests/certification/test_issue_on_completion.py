"""path_completed → Celery task (eager in tests) → one certificate."""

import pytest
from django.core import mail

from certification.models import Certificate
from learners.services import lesson_complete

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
