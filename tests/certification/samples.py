"""Frozen certificate content for tests that need no database."""

import copy

VERIFICATION_URL = "http://127.0.0.1:8000/attestations/verifier/7K3M9QXA2B4C6D8E/"

SAMPLE = {
    "version": 1,
    "code": "7K3M9QXA2B4C6D8E",
    "holder": {"name": "François Lévesque-Bélanger"},
    "municipality": "Saint-Côme-Linière",
    "role": {
        "code": "mayor",
        "fr": "Élu·e — maire ou mairesse",
        "en": "Elected official — mayor",
    },
    "path": {
        "id": 1,
        "slug": "coeur-numerique",
        "title_fr": "Cœur numérique : la fête, l'été et ça évolue",
        "title_en": "Digital heart",
    },
    "hours": "1.5",
    "completed_on": "2026-11-20",
    "issued_on": "2026-12-01",
    "template": {
        "heading_fr": "Attestation de réussite",
        "heading_en": "Certificate of completion",
        "body_fr": "a réussi le parcours de formation",
        "body_en": "has successfully completed the learning path",
        "issuer": "Académie de la transformation numérique",
        "primary_colour": "#1F3A5F",
        "accent_colour": "#C8102E",
        "logo": None,
    },
    "signatories": [
        {
            "name": "Direction de l'Académie",
            "title_fr": "Académie",
            "title_en": "Academy",
            "signature": None,
        }
    ],
}


def sample_content(**changes):
    content = copy.deepcopy(SAMPLE)
    content.update(changes)
    return content


def module_colours(image, size, border, box):
    """Dark (True) or light for each module, read at the module's centre."""
    grey = image.convert("L")
    return [
        [
            grey.getpixel(
                ((col + border) * box + box // 2, (row + border) * box + box // 2)
            )
            < 128
            for col in range(size)
        ]
        for row in range(size)
    ]
