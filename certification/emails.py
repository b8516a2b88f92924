"""The e-mail a learner receives when a certificate is issued, in French."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certification.formatting import FRENCH, certificate_filename
from core.site_url import absolute_url


def certificate_issued(*, certificate, pdf: bytes):
    with translation.override(FRENCH):
        url = absolute_url(reverse("certification:mine"))
        subject = _("Votre attestation : %(title)s") % {"title": certificate.path_title}
        body = render_to_string(
            "certification/email/issued.txt",
            {"certificate": certificate, "url": url},
        )
    message = EmailMessage(subject=subject, body=body, to=[certificate.user.email])
    message.attach(certificate_filename(certificate), pdf, "application/pdf")
    message.send()
