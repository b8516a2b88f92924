import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from core.errors import ApplicationError
from learners.models import PathCompletion, RegistrationStatus, SessionRegistration
from learners.selectors.progress import path_progress
from learners.services import sessions as services
from learners.services.progress import lesson_mark_done
from learners.tasks.sessions import session_reminders_send
from tests.factories import UserFactory
from tests.sessions_factories import (
    TrainingSessionFactory,
    learners,
    registered,
    session_now,
)

pytestmark = pytest.mark.django_db

REGISTERED = RegistrationStatus.REGISTERED
WAITLISTED = RegistrationStatus.WAITLISTED


@pytest.fixture
def session(site, municipalities):
    return TrainingSessionFactory(module=site["module"], capacity=2)


def register(user, session, callbacks):
    with callbacks(execute=True):
        return services.session_register(user=user, session=session)


def statuses(session):
    return {
        r.user.email: r.status
        for r in SessionRegistration.objects.filter(session=session)
    }


# Registration and waitlist


def test_register_takes_a_seat_and_sends_a_calendar_invitation(
    session, learner, django_capture_on_commit_callbacks
):
    registration = register(learner, session, django_capture_on_commit_callbacks)

    assert registration.status == REGISTERED
    assert registration.confirmed_at is not None
    (message,) = mail.outbox
    assert message.to == [learner.email]
    assert message.subject.startswith("Inscription confirmée")
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == ("seance.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content


def test_a_full_session_puts_learners_on_the_waitlist(
    session, django_capture_on_commit_callbacks
):
    first, second, third = learners(3)
    for user in (first, second, third):
        register(user, session, django_capture_on_commit_callbacks)

    assert statuses(session) == {
        first.email: REGISTERED,
        second.email: REGISTERED,
        third.email: WAITLISTED,
    }
    assert mail.outbox[-1].subject.startswith("Liste d'attente")
    assert not mail.outbox[-1].attachments


def test_registering_twice_changes_nothing(
    session, learner, django_capture_on_commit_callbacks
):
    first = register(learner, session, django_capture_on_commit_callbacks)
    again = register(learner, session, django_capture_on_commit_callbacks)

    assert again.pk == first.pk
    assert SessionRegistration.objects.filter(session=session).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"cancelled_at": timezone.now()}, "Cette séance est annulée."),
        (
            {"registration_deadline": timezone.now() - timedelta(hours=1)},
            "La date limite d'inscription à cette séance est passée.",
        ),
    ],
)
def test_register_is_refused(site, learner, fields, message):
    session = TrainingSessionFactory(module=site["module"], **fields)

    with pytest.raises(ApplicationError) as refused:
        services.session_register(user=learner, session=session)

    assert refused.value.message == message
    assert not SessionRegistration.objects.exists()


def test_register_is_refused_once_the_session_started(site, learner):
    session = session_now(module=site["module"])

    with pytest.raises(ApplicationError, match="commencée ou terminée"):
        services.session_register(user=learner, session=session)


def test_register_is_refused_to_someone_who_is_not_a_learner(session, trainer):
    with pytest.raises(ApplicationError, match="Seules les personnes apprenantes"):
        services.session_register(user=trainer, session=session)


# Cancellation and promotion


def test_cancel_promotes_the_first_waitlisted_learner(
    session, django_capture_on_commit_callbacks
):
    first, second, early, late = learners(4)
    for user in (first, second, early, late):
        register(user, session, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(user=first, session=session)

    assert statuses(session) == {
        first.email: RegistrationStatus.CANCELLED,
        second.email: REGISTERED,
        early.email: REGISTERED,
        late.email: WAITLISTED,
    }
    (message,) = mail.outbox
    assert message.to == [early.email]
    assert message.subject.startswith("Une place s'est libérée")
    assert message.attachments[0][0] == "seance.ics"


def test_cancelling_a_waitlist_place_promotes_nobody(
    session, django_capture_on_commit_callbacks
):
    users = learners(4)
    for user in users:
        register(user, session, django_capture_on_commit_callbacks)

    services.session_cancel(user=users[2], session=session)

    assert statuses(session)[users[3].email] == WAITLISTED


def test_re_registering_after_a_cancel_reuses_the_row_at_the_back_of_the_queue(
    session, django_capture_on_commit_callbacks
):
    first, second, waiting = learners(3)
    for user in (first, second, waiting):
        register(user, session, django_capture_on_commit_callbacks)
    row = SessionRegistration.objects.get(user=second)
    services.session_cancel(user=second, session=session)  # waiting takes the seat

    again = register(second, session, django_capture_on_commit_callbacks)

    assert again.pk == row.pk
    assert again.status == WAITLISTED
    assert again.cancelled_at is None


def test_cancel_is_refused_without_a_registration(session, learner):
    with pytest.raises(ApplicationError, match="pas inscrit·e"):
        services.session_cancel(user=learner, session=session)


def test_cancel_is_refused_once_the_session_started(site, learner):
    session = session_now(module=site["module"])
    registered(learner, session)

    with pytest.raises(ApplicationError, match="ne peut plus être annulée"):
        services.session_cancel(user=learner, session=session)


def test_raising_the_capacity_promotes_the_waitlist(
    session, django_capture_on_commit_callbacks
):
    users = learners(3)
    for user in users:
        register(user, session, django_capture_on_commit_callbacks)
    session.capacity = 3
    session.save()

    promoted = services.session_waitlist_promote(session=session)

    assert [r.user for r in promoted] == [users[2]]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write: only PostgreSQL can race two "
    "transactions for the last seat.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_last_seat_goes_to_exactly_one_of_two_concurrent_requests(
    site, municipalities, monkeypatch
):
    session = TrainingSessionFactory(module=site["module"], capacity=1)
    racers = learners(2)
    count_seats = services._seats_taken

    def slow_count(session):
        taken = count_seats(session)
        time.sleep(0.3)  # without the row lock, both would see a free seat
        return taken

    monkeypatch.setattr(services, "_seats_taken", slow_count)
    start = threading.Barrier(len(racers))
    errors = []

    def race(user):
        try:
            start.wait()
            services.session_register(user=user, session=session)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(statuses(session).values()) == [REGISTERED, WAITLISTED]


# Check-in with the room's code


@pytest.fixture
def running(site, municipalities):
    return session_now(module=site["module"])


def test_check_in_with_the_right_code_marks_attendance(running, learner):
    registered(learner, running)
    code = " ".join(running.check_in_code.lower())

    registration = services.session_check_in(user=learner, session=running, code=code)

    assert registration.attended is True
    assert registration.checked_in_at is not None


def test_check_in_refuses_a_wrong_code(running, learner):
    registered(learner, running)

    with pytest.raises(ApplicationError, match="code de présence est incorrect"):
        services.session_check_in(user=learner, session=running, code="ZZZZZZ")


def test_check_in_refuses_the_code_of_another_session(site, running, learner):
    other = session_now(module=site["module"])
    registered(learner, running)

    with pytest.raises(ApplicationError, match="celui d'une autre séance"):
        services.session_check_in(
            user=learner, session=running, code=other.check_in_code
        )


def test_check_in_refuses_too_early(site, learner):
    start = timezone.now() + timedelta(minutes=30)
    session = TrainingSessionFactory(
        module=site["module"], starts_at=start, registration_deadline=start
    )
    registered(learner, session)

    with pytest.raises(ApplicationError, match="pas encore ouverte"):
        services.session_check_in(
            user=learner, session=session, code=session.check_in_code
        )


def test_check_in_opens_fifteen_minutes_before_the_start(site, learner):
    start = timezone.now() + timedelta(minutes=10)
    session = TrainingSessionFactory(
        module=site["module"], starts_at=start, registration_deadline=start
    )
    registered(learner, session)

    registration = services.session_check_in(
        user=learner, session=session, code=session.check_in_code
    )

    assert registration.attended is True


def test_check_in_refuses_too_late(site, learner):
    start = timezone.now() - timedelta(hours=3)
    session = TrainingSessionFactory(
        module=site["module"],
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        registration_deadline=start,
    )
    registered(learner, session)

    with pytest.raises(ApplicationError, match="n'est plus valide"):
        services.session_check_in(
            user=learner, session=session, code=session.check_in_code
        )


@pytest.mark.parametrize("status", [None, WAITLISTED, RegistrationStatus.CANCELLED])
def test_check_in_refuses_who_is_not_registered(running, learner, status):
    if status:
        registered(learner, running, status=status)

    with pytest.raises(ApplicationError, match="pas inscrit·e"):
        services.session_check_in(
            user=learner, session=running, code=running.check_in_code
        )


# Attendance taken by the trainer


def mark(session, learner, by, attended=True):
    return services.attendance_mark(
        session=session, user=learner, attended=attended, marked_by=by
    )


def test_the_trainer_takes_attendance(running, learner):
    registered(learner, running)

    registration = mark(running, learner, running.trainer, attended=False)

    assert registration.attended is False
    assert registration.attendance_marked_by == running.trainer


def test_an_administrator_takes_attendance(running, learner):
    admin = UserFactory(role="", group="Administrateurs")
    registered(learner, running)

    assert mark(running, learner, admin).attended is True


def test_a_superuser_takes_attendance(running, learner):
    registered(learner, running)

    assert mark(running, learner, UserFactory(is_superuser=True)).attended is True


@pytest.mark.parametrize("who", ["other_trainer", "coordinator", "learner"])
def test_attendance_is_refused_to_anyone_else(running, learner, coordinator, who):
    registered(learner, running)
    by = {
        "other_trainer": UserFactory(role="", group="Formateurs"),
        "coordinator": coordinator,
        "learner": learner,
    }[who]

    with pytest.raises(ApplicationError, match="Seule la personne formatrice"):
        mark(running, learner, by)

    assert SessionRegistration.objects.get(user=learner).attended is None


def test_attendance_is_refused_for_someone_not_registered(running, learner):
    with pytest.raises(ApplicationError, match="pas inscrite"):
        mark(running, learner, running.trainer)


def test_attendance_completes_a_module_that_requires_it(site, running, learner):
    module = site["module"]
    module.default_attendance_required = True
    module.save_revision().publish()
    lesson_mark_done(user=learner, lesson=site["lesson"])
    assert not path_progress(user=learner, path=site["path"]).modules[0].complete
    registered(learner, running)

    mark(running, learner, running.trainer)

    progress = path_progress(user=learner, path=site["path"])
    assert progress.modules[0].complete
    assert PathCompletion.objects.filter(user=learner, path=site["path"]).exists()


def test_check_in_completes_a_module_that_requires_it(site, running, learner):
    module = site["module"]
    module.default_attendance_required = True
    module.save_revision().publish()
    lesson_mark_done(user=learner, lesson=site["lesson"])
    registered(learner, running)

    services.session_check_in(user=learner, session=running, code=running.check_in_code)

    assert path_progress(user=learner, path=site["path"]).modules[0].complete


# Reminders, 48 hours ahead


def session_in(site, hours, **fields):
    start = timezone.now() + timedelta(hours=hours)
    return TrainingSessionFactory(
        module=site["module"], starts_at=start, registration_deadline=start, **fields
    )


def test_reminder_goes_once_for_a_session_47_hours_ahead(
    site, learner, django_capture_on_commit_callbacks
):
    registration = registered(learner, session_in(site, 47))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.session_reminders_send() == 1
        assert services.session_reminders_send() == 0

    (message,) = mail.outbox
    assert message.to == [learner.email]
    assert message.subject.startswith("Rappel")
    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None


def test_no_reminder_for_a_learner_who_said_no_to_email_reminders(
    site, learner, django_capture_on_commit_callbacks
):
    from learners.models.consent import LearnerConsent

    LearnerConsent.objects.filter(user=learner).update(email_reminders=False)
    registration = registered(learner, session_in(site, 47))
    never_answered = UserFactory(consent=False)
    registered(never_answered, session_in(site, 47))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.session_reminders_send() == 1  # only the one never asked
    assert [m.to for m in mail.outbox] == [[never_answered.email]]
    registration.refresh_from_db()
    assert registration.reminder_sent_at is None


def test_no_reminder_for_a_session_49_hours_ahead(site, learner):
    registered(learner, session_in(site, 49))

    assert services.session_reminders_send() == 0
    assert mail.outbox == []


def test_the_reminder_goes_when_49_hours_become_47(site, learner):
    registered(learner, session_in(site, 49))
    later = timezone.now() + timedelta(hours=2)

    assert services.session_reminders_send(now=later) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"reminder_sent_at": timezone.now()},
        {"status": WAITLISTED},
        {"status": RegistrationStatus.CANCELLED},
    ],
)
def test_no_reminder_for_the_already_reminded_or_unconfirmed(site, learner, fields):
    registered(learner, session_in(site, 47), **fields)

    assert services.session_reminders_send() == 0


def test_no_reminder_for_a_cancelled_or_started_session(site, learner):
    registered(learner, session_in(site, 47, cancelled_at=timezone.now()))
    registered(UserFactory(), session_now(module=site["module"]))

    assert services.session_reminders_send() == 0


def test_the_beat_task_sends_the_reminders(site, learner):
    registered(learner, session_in(site, 24))

    assert session_reminders_send.delay().get() == 1
    assert session_reminders_send.name == (
        "learners.tasks.sessions.session_reminders_send"
    )


def test_cancellation_notices_go_to_a_cancelled_session_only_once(
    site, learner, django_capture_on_commit_callbacks
):
    from learners.tasks.sessions import session_cancellation_notify

    session = session_in(site, 72)
    registered(learner, session)

    assert services.session_cancellation_notices_send(session=session) == 0

    session.cancelled_at = timezone.now()
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert session_cancellation_notify(session.pk) == 1
        assert session_cancellation_notify(session.pk) == 0
    assert session_cancellation_notify(10**9) == 0  # deleted meanwhile
    (message,) = mail.outbox
    assert message.to == [learner.email]
    assert "annulée" in message.body
