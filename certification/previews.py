"""A sample certificate drawn with a template, for the admin's preview.

Imports no model (``CertificateTemplate.serve_preview`` calls it with the
template's content), so the model and its preview form no import cycle.
"""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from certification.formatting import FRENCH
from certification.pdf import render_certificate_pdf
from core.site_url import absolute_url

SAMPLE_CODE = "0000000000000000"
SAMPLE = {
    "version": 1,
    "code": SAMPLE_CODE,
    "holder": {"name": "Camille Exemple"},
    "municipality": "Saint-Exemple-de-Québec",
    "role": {
        "code": "employee",
        "fr": "Employé·e municipal·e",
        "en": "Municipal employee",
    },
    "path": {
        "id": None,
        "slug": "exemple",
        "title_fr": "Parcours d'exemple",
        "title_en": "Sample learning path",
    },
    "hours": "6",
    "completed_on": "2026-11-20",
    "issued_on": "2026-11-20",
}


def certificate_template_preview(wording: dict, signatories: list) -> HttpResponse:
    content = {**SAMPLE, "template": wording, "signatories": signatories}
    pdf = render_certificate_pdf(content, verification_url=_sample_verification_url())
    return HttpResponse(pdf, content_type="application/pdf")


def _sample_verification_url() -> str:
    """As ``selectors.certificate_verification_url`` prints it (French URL)."""
    with translation.override(FRENCH):
        return absolute_url(reverse("certification:verify_code", args=[SAMPLE_CODE]))
