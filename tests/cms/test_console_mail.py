"""Development e-mails on the console: readable, attachments named only."""

import io

from django.core.mail import EmailMessage

from cms.mail import ConsoleBackend


def test_attachments_are_named_not_printed():
    stream = io.StringIO()
    message = EmailMessage("Votre attestation", "Bonjour", to=["a@exemple.qc.ca"])
    message.attach(
        "attestation.pdf", b"%PDF-1.4 " + bytes(range(256)) * 40, "application/pdf"
    )

    ConsoleBackend(stream=stream).send_messages([message])

    printed = stream.getvalue()
    assert "Votre attestation" in printed and "Bonjour" in printed
    assert (
        "[pièce jointe non affichée : attestation.pdf (application/pdf, 10249 octets)]"
        in printed
    )
    assert "base64" not in printed and len(printed.splitlines()) < 30
    assert len(message.attachments) == 1  # the message itself is unchanged


def test_messages_without_attachments_print_as_django_prints_them():
    stream = io.StringIO()
    message = EmailMessage("Rappel", "Votre séance est demain.", to=["a@exemple.qc.ca"])

    ConsoleBackend(stream=stream).send_messages([message])

    assert (
        "Votre séance est demain." in stream.getvalue() or "=C3=A9" in stream.getvalue()
    )
