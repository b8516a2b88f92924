"""``session_update``: what a trainer's save of a session sets off (the admin
viewset only calls it)."""

import pytest
from django.core import mail
from django.utils import timezone

from learners.models import RegistrationStatus, SessionRegistration
from learners.services import sessions as services
from tests.sessions_factories import TrainingSessionFactory, learners, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(site, municipalities):
    return TrainingSessionFactory(module=site["module"], capacity=1)


def enqueued(monkeypatch):
    """The session ids whose cancellation notices were handed to a worker."""
    from learners.tasks import sessions as tasks

    sent = []
    monkeypatch.setattr(
        tasks.session_cancellation_notify, "delay_on_commit", sent.append
    )
    return sent


def test_a_cancellation_is_announced_after_commit(
    session, learner, django_capture_on_commit_callbacks
):
    registered(learner, session)
    session.cancelled_at = timezone.now()
    session.save()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.session_update(session=session, changed_fields=["cancelled_at"])
        assert mail.outbox == []  # nothing leaves before the save commits
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()

    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_undoing_a_cancellation_is_announced(session, monkeypatch):
    sent = enqueued(monkeypatch)

    services.session_update(session=session, changed_fields=["cancelled_at"])

    assert sent == [session.pk]


def test_another_edit_of_a_running_session_announces_nothing(session, monkeypatch):
    sent = enqueued(monkeypatch)

    services.session_update(session=session, changed_fields=["title", "capacity"])

    assert sent == []


def test_a_raised_capacity_gives_the_new_seat_to_the_waitlist(session, monkeypatch):
    first, second = learners(2)
    registered(first, session)
    registered(second, session, status=RegistrationStatus.WAITLISTED)
    session.capacity = 2
    session.save()

    services.session_update(session=session, changed_fields=["capacity"])

    promoted = SessionRegistration.objects.get(user=second)
    assert promoted.status == RegistrationStatus.REGISTERED


def test_a_cancelled_session_promotes_nobody(session, monkeypatch):
    enqueued(monkeypatch)
    first, second = learners(2)
    registered(first, session)
    registered(second, session, status=RegistrationStatus.WAITLISTED)
    session.capacity = 2
    session.cancelled_at = timezone.now()
    session.save()

    services.session_update(session=session, changed_fields=["capacity"])

    waiting = SessionRegistration.objects.get(user=second)
    assert waiting.status == RegistrationStatus.WAITLISTED
