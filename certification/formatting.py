"""Frozen certificate content, formatted for reading in French and in English.

Pure: takes the ``content`` dict a certificate froze at issue and returns the
strings the PDF and the HTML pages show. Both languages are produced whatever
the active one is, because a certificate carries both.
"""

from datetime import date
from decimal import Decimal

from django.utils import dateformat, translation

from certification.codes import code_display

FRENCH = "fr-ca"
ENGLISH = "en"


def date_fr(day: date) -> str:
    """« 20 novembre 2026 », « 1er mars 2027 »."""
    with translation.override(FRENCH):
        text = dateformat.format(day, "j F Y")
    return f"1er{text[1:]}" if day.day == 1 else text


def date_en(day: date) -> str:
    """ "November 20, 2026"."""
    with translation.override(ENGLISH):
        return dateformat.format(day, "F j, Y")


def hours_number(hours: str | Decimal) -> tuple[str, str]:
    """The duration as written in French (``1,5``) and English (``1.5``)."""
    number = format(Decimal(str(hours)).normalize(), "f")
    return number.replace(".", ","), number


def certificate_display(content: dict) -> dict:
    """Everything a certificate shows, in both languages."""
    completed = date.fromisoformat(content["completed_on"])
    issued = date.fromisoformat(content["issued_on"])
    hours_fr, hours_en = hours_number(content["hours"])
    wording = content["template"]
    return {
        "holder": content["holder"]["name"],
        "municipality": content["municipality"],
        "role_fr": content["role"]["fr"],
        "role_en": content["role"]["en"],
        "title_fr": content["path"]["title_fr"],
        "title_en": content["path"]["title_en"],
        "hours_fr": hours_fr,
        "hours_en": hours_en,
        "completed_fr": date_fr(completed),
        "completed_en": date_en(completed),
        "issued_fr": date_fr(issued),
        "issued_en": date_en(issued),
        "wording": wording,
        "signatories": content["signatories"],
        "code": code_display(content["code"]),
    }


def certificate_filename(certificate) -> str:
    """``attestation-<path slug>.pdf``, the name a download is saved under."""
    slug = certificate.content.get("path", {}).get("slug") or certificate.code
    return f"attestation-{slug}.pdf"
