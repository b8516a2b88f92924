from django.db import transaction

from certification.models import CertificateTemplate, Signatory

DEFAULT_ISSUER = (
    "Académie de la transformation numérique et Union des municipalités du Québec"
)
DEFAULT_SIGNATORIES = [
    (
        "Direction de l'Académie",
        "Académie de la transformation numérique",
        "Academy of Digital Transformation",
    ),
    (
        "Présidence de l'UMQ",
        "Union des municipalités du Québec",
        "Union of Québec Municipalities",
    ),
]


@transaction.atomic
def certificate_template_default_ensure() -> CertificateTemplate:
    """The default bilingual template, created with two signatories if missing."""
    template, created = CertificateTemplate.objects.get_or_create(
        path=None,
        defaults={"name": "Modèle par défaut", "issuer_name": DEFAULT_ISSUER},
    )
    if created:
        for order, (name, title_fr, title_en) in enumerate(DEFAULT_SIGNATORIES):
            Signatory.objects.create(
                template=template,
                sort_order=order,
                name=name,
                title_fr=title_fr,
                title_en=title_en,
            )
    return template
