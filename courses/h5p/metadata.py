"""Semantics H5P core applies to sub-content metadata and file copyright.

Transcribed from ``H5PContentValidator::getMetadataSemantics`` and
``getCopyrightSemantics``; labels are left out, only the rules matter here.
Licence versions are free text: the PHP list only knows Creative Commons
versions and would drop a GPL "v3". ``source`` is a link the copyright
dialog opens: where H5P core takes any text, it is a ``url`` here, kept only
when it is http(s), so no ``javascript:`` or ``data:`` link reaches a learner.
"""

import re

from django.utils.translation import gettext_lazy as _

WEB_URL = re.compile(r"^https?://[^/\s]+", re.IGNORECASE)

LICENSES = (
    "U",
    "CC BY",
    "CC BY-SA",
    "CC BY-ND",
    "CC BY-NC",
    "CC BY-NC-SA",
    "CC BY-NC-ND",
    "CC0 1.0",
    "CC PDM",
    "GNU GPL",
    "PD",
    "ODC PDDL",
    "C",
)
COPYRIGHT_LICENSES = tuple(
    licence for licence in LICENSES if licence not in {"CC0 1.0", "CC PDM", "ODC PDDL"}
)
AUTHOR_ROLES = ("Author", "Editor", "Licensee", "Originator")
# Licences known by a name rather than their code; the others read as their
# code and version ("CC BY 4.0", "GNU GPL v3").
LICENCE_NAMES = {
    "U": _("Non divulguée"),
    "C": _("Tous droits réservés"),
    "PD": _("Domaine public"),
    "CC0 1.0": _("CC0 1.0 (domaine public)"),
    "CC PDM": _("Marque du domaine public (CC PDM)"),
    "ODC PDDL": _("ODC PDDL (domaine public)"),
}


def licence_label(code: str, version: str = "") -> str:
    """How a person reads an H5P licence code (``license``, ``licenseVersion``)."""
    if code in LICENCE_NAMES:
        return str(LICENCE_NAMES[code])
    return f"{code} {version}".strip()


def _text(name: str) -> dict:
    return {"name": name, "type": "text", "optional": True}


def _url(name: str) -> dict:
    return {"name": name, "type": "url", "optional": True}


def is_web_url(value) -> bool:
    """An absolute http(s) URL with a host."""
    return isinstance(value, str) and WEB_URL.match(value) is not None


def _select(name: str, values, default=None) -> dict:
    field = {"name": name, "type": "select", "options": [{"value": v} for v in values]}
    if default is not None:
        field["default"] = default
    return field


def _year(name: str) -> dict:
    return {"name": name, "type": "number", "min": -9999, "max": 9999, "optional": True}


def _list_of(name: str, fields: list) -> dict:
    return {
        "name": name,
        "type": "list",
        "field": {"name": name, "type": "group", "fields": fields},
    }


METADATA_SEMANTICS = {
    "type": "group",
    "fields": [
        _text("title"),
        _text("a11yTitle"),
        _select("license", LICENSES, default="U"),
        _text("licenseVersion"),
        _year("yearFrom"),
        _year("yearTo"),
        _url("source"),
        _list_of("authors", [_text("name"), _select("role", AUTHOR_ROLES, "Author")]),
        _text("licenseExtras"),
        _list_of("changes", [_text("date"), _text("author"), _text("log")]),
        _text("authorComments"),
        _text("contentType"),
        _text("defaultLanguage"),
    ],
}

COPYRIGHT_SEMANTICS = {
    "type": "group",
    "fields": [
        _text("title"),
        _text("author"),
        _text("year"),
        _url("source"),
        _select("license", COPYRIGHT_LICENSES, default="U"),
        _text("version"),
    ],
}
