from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from certification.codes import normalise_code
from certification.formatting import ENGLISH, FRENCH
from certification.models import Certificate, CertificateTemplate
from core.site_url import absolute_url
from courses.roles import LearnerRole
from learners.models import PathCompletion


def certificate_verification_url(*, code: str) -> str:
    """The public page a certificate's QR code and printed URL point to.

    Always the French URL: it is printed once and must never change.
    """
    with translation.override(FRENCH):
        path = reverse("certification:verify_code", args=[code])
    return absolute_url(path)


def qr_payload(certificate: Certificate) -> str:
    """What the QR code on the PDF encodes."""
    return certificate_verification_url(code=certificate.code)


def certificate_template_for(*, path) -> CertificateTemplate | None:
    """The path's own template, else the default one."""
    return (
        CertificateTemplate.objects.filter(Q(path=path) | Q(path__isnull=True))
        .order_by(F("path").asc(nulls_last=True))
        .prefetch_related("signatories__signature")
        .select_related("logo")
        .first()
    )


def path_title_en(path) -> str:
    """The title of the path's English translation, else its French title."""
    locale = Locale.objects.filter(language_code=ENGLISH).first()
    translation_page = path.get_translation_or_none(locale) if locale else None
    return translation_page.title if translation_page else path.title


def template_content(template: CertificateTemplate | None) -> tuple[dict, list]:
    """The wording and signatories to freeze; built-in wording if no template."""
    template = template or CertificateTemplate(issuer_name=settings.WAGTAIL_SITE_NAME)
    return template.content()


def _role(code: str) -> dict:
    label = LearnerRole(code).label if code in LearnerRole.values else code
    with translation.override(FRENCH):
        french = str(label)
    with translation.override(ENGLISH):
        english = str(label)
    return {"code": code, "fr": french, "en": english}


def certificate_content(
    *, code: str, completion: PathCompletion, issued_at=None
) -> dict:
    """Everything a certificate states, read now from the current data."""
    user, path = completion.user, completion.path
    wording, signatories = template_content(certificate_template_for(path=path))
    issued_at = issued_at or timezone.now()
    return {
        "version": 1,
        "code": code,
        "holder": {"name": user.get_full_name() or user.email},
        "municipality": user.municipality.name if user.municipality_id else "",
        "role": _role(completion.role or user.role),
        "path": {
            "id": path.pk,
            "slug": path.slug,
            "title_fr": path.title,
            "title_en": path_title_en(path),
        },
        "hours": str(path.estimated_hours),
        "completed_on": timezone.localdate(completion.completed_at).isoformat(),
        "issued_on": timezone.localdate(issued_at).isoformat(),
        "template": wording,
        "signatories": signatories,
    }


def certificates_of(*, user):
    """A learner's certificates, for "Mes attestations"."""
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def certificate_of_owner(*, user, pk: int) -> Certificate | None:
    return Certificate.objects.filter(user=user, pk=pk).first()


def certificate_by_code(*, text: str) -> Certificate | None:
    """The certificate a typed code names, or None (also for malformed input)."""
    code = normalise_code(text)
    if code is None:
        return None
    return Certificate.objects.filter(code=code).first()
