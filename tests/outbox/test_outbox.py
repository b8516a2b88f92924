from datetime import timedelta
from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from outbox import services
from outbox.models import MessageStatus, OutgoingMessage
from outbox.tasks import MAX_RETRIES
from tests.refusals import admin_refused, staff_refused

pytestmark = pytest.mark.django_db


def _enqueue(key="test:1", text="Texte", **kwargs):
    return services.enqueue(
        key=key,
        to=["apprenant@exemple.qc.ca"],
        subject="Bonjour",
        text=text,
        **kwargs,
    )


def test_a_message_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message, created = _enqueue(
            html="<p>Texte</p>",
            attachments=(services.Attachment("a.pdf", b"%PDF", "application/pdf"),),
        )
    message.refresh_from_db()
    assert created and message.status == MessageStatus.SENT
    assert message.sent_at is not None and message.attempts == 1
    (sent,) = mail.outbox
    assert sent.to == ["apprenant@exemple.qc.ca"] and sent.subject == "Bonjour"
    assert sent.attachments[0][:2] == ("a.pdf", b"%PDF")
    assert sent.alternatives[0][0] == "<p>Texte</p>"


def test_a_sent_message_keeps_no_body_nor_attachment(
    django_capture_on_commit_callbacks,
):
    """The body may hold a one-time link (invitation, sign-up code), the
    attachment a certificate: once sent, neither stays in the database."""
    with django_capture_on_commit_callbacks(execute=True):
        message, _created = _enqueue(
            text="Choisissez votre mot de passe : https://x/jeton",
            html="<p>jeton</p>",
            attachments=(services.Attachment("a.pdf", b"%PDF", "application/pdf"),),
        )

    assert "jeton" in mail.outbox[0].body
    message.refresh_from_db()
    assert (message.status, message.text, message.html) == ("sent", "", "")
    assert not message.attachments.exists()


def test_nothing_leaves_before_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _enqueue()
    assert len(callbacks) == 1 and mail.outbox == []


def test_the_same_key_twice_gives_one_row_and_one_email(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first, created = _enqueue()
        second, again = _enqueue()
    assert created and not again and first.pk == second.pk
    assert OutgoingMessage.objects.count() == 1 and len(mail.outbox) == 1


def test_a_sent_message_is_not_sent_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message, _created = _enqueue()
    assert services.message_send(message_id=message.pk) is False
    assert len(mail.outbox) == 1


def test_smtp_errors_are_retried_then_sent(
    django_capture_on_commit_callbacks, retries_run_eagerly
):
    real_send = mail.EmailMultiAlternatives.send
    failures = iter([SMTPServerDisconnected("coupé"), ConnectionRefusedError()])

    def flaky(self, *args, **kwargs):
        error = next(failures, None)
        if error is not None:
            raise error
        return real_send(self, *args, **kwargs)

    with mock.patch.object(mail.EmailMultiAlternatives, "send", flaky):
        with django_capture_on_commit_callbacks(execute=True):
            message, _created = _enqueue()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 3
    assert len(mail.outbox) == 1


def test_spent_retries_mark_the_message_failed(
    django_capture_on_commit_callbacks, retries_run_eagerly
):
    down = mock.Mock(side_effect=SMTPServerDisconnected("serveur absent"))
    with mock.patch.object(mail.EmailMultiAlternatives, "send", down):
        with django_capture_on_commit_callbacks(execute=True):
            message, _created = _enqueue()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == MAX_RETRIES + 1 and down.call_count == MAX_RETRIES + 1
    assert "serveur absent" in message.last_error and mail.outbox == []


def test_an_error_no_retry_can_cure_is_raised(django_capture_on_commit_callbacks):
    broken = mock.Mock(side_effect=ValueError("bogue"))
    with mock.patch.object(mail.EmailMultiAlternatives, "send", broken):
        with (
            pytest.raises(ValueError),
            django_capture_on_commit_callbacks(execute=True),
        ):
            message, _created = _enqueue()
    assert OutgoingMessage.objects.get().status == MessageStatus.PENDING


def test_backoff_grows_and_is_capped():
    waits = [services.backoff_seconds(n) for n in range(10)]
    assert waits[:3] == [30, 60, 120] and waits[-1] == services.BACKOFF_MAX_S
    assert waits == sorted(waits)


def test_pending_messages_whose_task_was_lost_go_again(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):
        lost, _created = _enqueue("test:lost")
        recent, _created = _enqueue("test:recent")
    long_ago = timezone.now() - services.lost_after() - timedelta(minutes=1)
    OutgoingMessage.objects.filter(pk=lost.pk).update(next_attempt_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.messages_lost_reschedule() == 1
    assert [m.subject for m in mail.outbox] == ["Bonjour"]
    lost.refresh_from_db()
    recent.refresh_from_db()
    assert lost.status == MessageStatus.SENT
    assert recent.status == MessageStatus.PENDING


def _admin_client(client, user):
    client.force_login(user)
    return client


def test_an_administrator_reads_the_outbox_and_cannot_write_it(
    client, municipalities, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        message, _created = _enqueue()
    reader = UserFactory(role="", group="Administrateurs")  # the group's permission
    _admin_client(client, reader)

    listing = client.get(reverse("outbox_message:index"))
    assert listing.status_code == 200 and "Bonjour" in listing.content.decode()
    inspect = client.get(reverse("outbox_message:inspect", args=[message.pk]))
    assert inspect.status_code == 200
    assert "Texte" not in inspect.content.decode()  # never the body
    for name, args in (("add", []), ("edit", [message.pk]), ("delete", [message.pk])):
        response = client.get(reverse(f"outbox_message:{name}", args=args))
        admin_refused(response)


@pytest.mark.parametrize("group", ["Coordonnateurs UMQ", "Formateurs", None])
def test_no_one_else_sees_the_outbox(client, municipalities, group):
    from django.urls import reverse

    from tests.factories import UserFactory

    user = UserFactory(role="" if group else "employee", group=group)
    _admin_client(client, user)
    staff_refused(client.get(reverse("outbox_message:index")), user)
