"""A sample certificate drawn with a template, for the admin's preview."""

from django.http import HttpResponse

from certification.pdf import render_certificate_pdf
from certification.selectors import certificate_verification_url, template_content

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


def certificate_template_preview(template) -> HttpResponse:
    wording, signatories = template_content(template)
    content = {**SAMPLE, "template": wording, "signatories": signatories}
    pdf = render_certificate_pdf(
        content, verification_url=certificate_verification_url(code=SAMPLE_CODE)
    )
    return HttpResponse(pdf, content_type="application/pdf")
