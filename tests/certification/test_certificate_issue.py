import io

import pypdf
import pytest
from django.core import mail
from django.core.files.storage import default_storage
from wagtail.models import Locale

from certification import services
from certification.models import Certificate, CertificateAction
from certification.selectors import qr_payload
from core.errors import ApplicationError
from tests.certification.conftest import complete
from tests.factories import CertificateTemplateFactory, UserFactory

pytestmark = pytest.mark.django_db


def pdf_text(data):
    return pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_issue_freezes_content_stores_the_pdf_and_logs(learner, path, completion):
    certificate, created = services.certificate_issue(user=learner, path=path)

    assert created
    content = certificate.content
    assert content["holder"]["name"] == learner.get_full_name()
    assert content["municipality"] == learner.municipality.name
    assert content["role"] == {
        "code": "employee",
        "fr": "Employé·e municipal·e",
        "en": "Municipal employee",
    }
    assert content["path"]["title_fr"] == "Cybersécurité pour les élu·e·s"
    assert content["path"]["title_en"] == "Cybersécurité pour les élu·e·s"
    assert content["hours"] == "6.0"
    assert certificate.completed_at == completion.completed_at
    assert default_storage.exists(certificate.pdf.name)
    assert [e.action for e in certificate.events.all()] == [CertificateAction.ISSUED]


def test_issuing_twice_gives_the_same_certificate(learner, path, completion):
    first, created = services.certificate_issue(user=learner, path=path)
    again, created_again = services.certificate_issue(user=learner, path=path)

    assert created and not created_again
    assert first.pk == again.pk and first.code == again.code
    assert Certificate.objects.count() == 1
    assert first.events.count() == 1


def test_the_learner_gets_one_email_with_the_pdf(
    learner, path, completion, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(user=learner, path=path)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(user=learner, path=path)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert "Cybersécurité pour les élu·e·s" in message.subject
    assert "/attestations/" in message.body
    filename, data, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("attestation-cyber-elus.pdf", "application/pdf")
    assert data.startswith(b"%PDF")


def test_no_certificate_before_the_path_is_completed(learner, path):
    with pytest.raises(ApplicationError, match="pas terminé"):
        services.certificate_issue(user=learner, path=path)
    assert not Certificate.objects.exists()


def test_renaming_the_path_and_the_learner_changes_no_issued_certificate(
    learner, path, completion
):
    certificate, _ = services.certificate_issue(user=learner, path=path)
    original_pdf = services.certificate_pdf(certificate)

    path.title = "Cybersécurité (nouvelle version)"
    path.estimated_hours = 9
    path.save_revision().publish()
    learner.first_name, learner.last_name = "Dominique", "Gagnon"
    learner.save()
    certificate.pdf.delete(save=True)  # even rendered again from scratch
    certificate.refresh_from_db()

    text = pdf_text(services.certificate_pdf(certificate))
    assert "Cybersécurité pour les élu·e·s" in text and "nouvelle version" not in text
    assert "Camille" in text and "Gagnon" not in text
    assert certificate.content["hours"] == "6.0"
    assert pdf_text(original_pdf) == text


def test_the_english_title_comes_from_the_english_translation(
    learner, path, completion
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = path.copy_for_translation(english, copy_parents=True)
    translation.title = "Cybersecurity for elected officials"
    translation.save_revision().publish()

    certificate, _ = services.certificate_issue(user=learner, path=path)

    assert (
        certificate.content["path"]["title_en"] == "Cybersecurity for elected officials"
    )
    assert certificate.content["path"]["title_fr"] == "Cybersécurité pour les élu·e·s"


def test_the_path_template_wins_over_the_default(learner, path, completion):
    services.certificate_template_default_ensure()
    CertificateTemplateFactory(
        name="Cyber", path=path, issuer_name="Escouade cyber du Québec"
    )

    certificate, _ = services.certificate_issue(user=learner, path=path)

    assert certificate.content["template"]["issuer"] == "Escouade cyber du Québec"
    assert certificate.content["signatories"] == []


def test_the_default_template_is_bilingual_with_two_signatories(
    learner, path, completion
):
    template = services.certificate_template_default_ensure()
    assert services.certificate_template_default_ensure() == template

    certificate, _ = services.certificate_issue(user=learner, path=path)

    wording = certificate.content["template"]
    assert wording["issuer"].startswith("Académie de la transformation numérique")
    assert wording["heading_en"] == "Certificate of completion"
    assert len(certificate.content["signatories"]) == 2
    assert "Union des municipalités du Québec" in pdf_text(
        services.certificate_pdf(certificate)
    )


def test_a_lost_pdf_is_rendered_again_from_the_frozen_content(
    learner, path, completion
):
    certificate, _ = services.certificate_issue(user=learner, path=path)
    default_storage.delete(certificate.pdf.name)

    data = services.certificate_pdf(certificate)

    assert data.startswith(b"%PDF")
    certificate.refresh_from_db()
    assert default_storage.exists(certificate.pdf.name)
    assert "Camille" in pdf_text(data)
    assert certificate.events.last().action == CertificateAction.RENDERED


def test_the_qr_payload_is_the_public_verification_url(learner, path, completion):
    certificate, _ = services.certificate_issue(user=learner, path=path)

    assert qr_payload(certificate) == (
        f"http://127.0.0.1:8000/attestations/verifier/{certificate.code}/"
    )
    assert qr_payload(certificate) in pdf_text(services.certificate_pdf(certificate))


def test_revoke_needs_a_reason_and_is_logged(learner, path, completion, administrator):
    certificate, _ = services.certificate_issue(user=learner, path=path)

    with pytest.raises(ApplicationError, match="motif"):
        services.certificate_revoke(
            certificate=certificate, reason="  ", actor=administrator
        )
    services.certificate_revoke(
        certificate=certificate, reason="Fraude constatée", actor=administrator
    )
    with pytest.raises(ApplicationError, match="déjà révoquée"):
        services.certificate_revoke(
            certificate=certificate, reason="Encore", actor=administrator
        )

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == administrator
    event = certificate.events.last()
    assert (event.action, event.actor, event.reason) == (
        CertificateAction.REVOKED,
        administrator,
        "Fraude constatée",
    )


def test_reissue_refreshes_content_keeps_the_code_and_lifts_revocation(
    learner, path, completion, administrator
):
    certificate, _ = services.certificate_issue(user=learner, path=path)
    code = certificate.code
    services.certificate_revoke(
        certificate=certificate, reason="Nom mal orthographié", actor=administrator
    )
    learner.last_name = "Tremblay-Gagnon"
    learner.save()

    services.certificate_reissue(
        certificate=certificate, actor=administrator, reason="Correction du nom"
    )

    certificate.refresh_from_db()
    assert certificate.code == code and not certificate.is_revoked
    assert certificate.content["holder"]["name"] == "Camille Tremblay-Gagnon"
    assert "Tremblay-Gagnon" in pdf_text(services.certificate_pdf(certificate))
    assert [e.action for e in certificate.events.all()] == [
        CertificateAction.ISSUED,
        CertificateAction.REVOKED,
        CertificateAction.REISSUED,
    ]
    assert certificate.events.last().actor == administrator


def test_each_learner_has_their_own_certificate(site, learner, completion):
    other = UserFactory()
    complete(other, site)

    mine, _ = services.certificate_issue(user=learner, path=site["path"])
    theirs, _ = services.certificate_issue(user=other, path=site["path"])

    assert mine.pk != theirs.pk and mine.code != theirs.code


def test_a_code_clash_draws_another_code(site, learner, completion, monkeypatch):
    from certification.services import issuance

    other = UserFactory()
    complete(other, site)
    taken, _ = services.certificate_issue(user=other, path=site["path"])
    codes = iter([taken.code, "0123456789ABCDEF"])
    monkeypatch.setattr(issuance, "code_generate", lambda: next(codes))

    certificate, created = services.certificate_issue(user=learner, path=site["path"])

    assert created and certificate.code == "0123456789ABCDEF"
