"""The e-mail a learner receives when a certificate is issued, in French."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certification.formatting import FRENCH, certificate_filename
from core.site_url import absolute_url
from outbox.services import Attachment, enqueue


def certificate_issued(*, certificate, pdf: bytes):
    """Put the e-mail in the outbox, in the caller's transaction: the
    certificate and its e-mail are recorded together or not at all."""
    with translation.override(FRENCH):
        url = absolute_url(reverse("certification:mine"))
        subject = _("Votre attestation : %(title)s") % {"title": certificate.path_title}
        body = render_to_string(
            "certification/email/issued.txt",
            {"certificate": certificate, "url": url},
        )
    enqueue(
        key=f"certificate-issued:{certificate.pk}",
        to=[certificate.user.email],
        subject=subject,
        text=body,
        attachments=(
            Attachment(certificate_filename(certificate), pdf, "application/pdf"),
        ),
    )
