"""Issuing, rendering, revoking and verifying certificates.

One certificate per learner and path is the database's rule (a unique
constraint), so issuing is idempotent and safe under concurrent workers.
"""

import logging
import uuid

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from certification import emails
from certification.codes import code_generate
from certification.models import Certificate, CertificateAction, CertificateEvent
from certification.pdf import render_certificate_pdf
from certification.selectors import certificate_by_code, certificate_content, qr_payload
from core.errors import ApplicationError
from courses.selectors import original
from learners.models import PathCompletion

logger = logging.getLogger(__name__)

# A clash of two random 80-bit codes is never expected; retrying covers it.
CODE_ATTEMPTS = 3


def _completion(*, user, path) -> PathCompletion:
    completion = (
        PathCompletion.objects.select_related("user__municipality", "path")
        .filter(user=user, path=path)
        .first()
    )
    if completion is None:
        raise ApplicationError(_("Ce parcours n'est pas terminé."))
    return completion


def certificate_event_log(*, certificate, action, actor=None, reason=""):
    return CertificateEvent.objects.create(
        certificate=certificate, action=action, actor=actor, reason=reason
    )


def _get_or_create(completion) -> tuple[Certificate, bool]:
    for _attempt in range(CODE_ATTEMPTS):
        code = code_generate()
        issued_at = timezone.now()
        defaults = {
            "code": code,
            "issued_at": issued_at,
            "completed_at": completion.completed_at,
            "content": lambda code=code, issued_at=issued_at: certificate_content(
                code=code, completion=completion, issued_at=issued_at
            ),
        }
        try:
            with transaction.atomic():
                return Certificate.objects.get_or_create(
                    user=completion.user, path=completion.path, defaults=defaults
                )
        except IntegrityError:
            # get_or_create already answers a race on (user, path) with the
            # winner's row; what reaches here is a clash of codes: draw again.
            continue
    raise ApplicationError(_("Impossible d'attribuer un code à l'attestation."))


def _render_and_store(certificate: Certificate) -> bytes:
    """Render from the frozen content and store the file, replacing any other."""
    pdf = render_certificate_pdf(
        certificate.content, verification_url=qr_payload(certificate)
    )
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    # A random name: a listing of the storage must not reveal codes.
    name = f"{uuid.uuid4().hex}.pdf"
    certificate.pdf.save(name, ContentFile(pdf), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return pdf


@transaction.atomic
def certificate_issue_enqueue(*, user, path) -> None:
    """Have a worker issue ``user``'s certificate for ``path`` once the
    current transaction commits (at once outside one). ``certificate_issue``
    is idempotent, so a redelivered or repeated request changes nothing."""
    from certification.tasks import certificate_issue_task  # tasks use services

    certificate_issue_task.delay_on_commit(user.pk, path.pk)


@transaction.atomic
def certificate_issue(
    *, user, path, actor=None, action=CertificateAction.ISSUED
) -> tuple[Certificate, bool]:
    """Issue the learner's certificate for a completed path, once.

    Returns (certificate, created). Only a new certificate is rendered,
    logged and e-mailed. The certificate and its outbox e-mail commit in one
    transaction, so a worker dying in between loses neither; the e-mail
    leaves after the commit. Kept on the original path (a path completed
    in English is completed in French): one certificate in every language."""
    path = original(path)
    certificate, created = _get_or_create(_completion(user=user, path=path))
    if created:
        pdf = _render_and_store(certificate)
        certificate_event_log(certificate=certificate, action=action, actor=actor)
        emails.certificate_issued(certificate=certificate, pdf=pdf)
    return certificate, created


def _stored_pdf(certificate: Certificate) -> bytes | None:
    if not certificate.pdf:
        return None
    try:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    except OSError:  # FileNotFoundError included: the file was lost
        logger.warning("PDF of certificate %s is missing.", certificate.pk)
        return None


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate's PDF; rendered again from its frozen content (and
    stored again) when the file is missing."""
    pdf = _stored_pdf(certificate)
    if pdf is None:
        pdf = _render_and_store(certificate)
        certificate_event_log(
            certificate=certificate, action=CertificateAction.RENDERED
        )
    return pdf


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, actor) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Indiquez le motif de la révocation."))
    if certificate.is_revoked:
        raise ApplicationError(_("Cette attestation est déjà révoquée."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = actor
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    certificate_event_log(
        certificate=certificate,
        action=CertificateAction.REVOKED,
        actor=actor,
        reason=reason,
    )
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate: Certificate, actor, reason: str = ""
) -> Certificate:
    """Refresh the frozen content from today's data, render it again and
    lift any revocation. The code stays, so printed copies still verify."""
    if certificate.path_id is None:
        raise ApplicationError(_("Le parcours de cette attestation n'existe plus."))
    completion = _completion(user=certificate.user, path=certificate.path)
    certificate.issued_at = timezone.now()
    certificate.completed_at = completion.completed_at
    certificate.content = certificate_content(
        code=certificate.code, completion=completion, issued_at=certificate.issued_at
    )
    certificate.revoked_at, certificate.revoked_reason = None, ""
    certificate.revoked_by = None
    certificate.save()
    _render_and_store(certificate)
    certificate_event_log(
        certificate=certificate,
        action=CertificateAction.REISSUED,
        actor=actor,
        reason=(reason or "").strip(),
    )
    return certificate


def certificate_verify(*, code: str) -> Certificate | None:
    """The certificate a typed code names, counting the lookup; None if the
    code is malformed or unknown (the caller says the same thing for both)."""
    certificate = certificate_by_code(text=code)
    if certificate is None:
        return None
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        verification_count=F("verification_count") + 1, last_verified_at=now
    )
    certificate.verification_count += 1
    certificate.last_verified_at = now
    return certificate
