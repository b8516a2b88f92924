"""Parse a manifest's XML with nothing resolved: no entity, no DTD, no
network. A document declaring a DOCTYPE or entities (XXE, billion laughs) is
refused outright; real manifests never carry one."""

import re

from django.utils.translation import gettext as _
from lxml import etree

from courses.scorm.errors import ScormPackageError

_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: str) -> etree._Element:
    if _DECLARATION.search(data):
        raise _declaration_refused(path)
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ScormPackageError(
            _("Le fichier « %(path)s » n'est pas un XML valide.") % {"path": path},
            path=path,
            code="invalid-xml",
        ) from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _declaration_refused(path)
    return root


def _declaration_refused(path: str) -> ScormPackageError:
    return ScormPackageError(
        _(
            "Le fichier « %(path)s » déclare une DTD ou des entités XML : refusé "
            "par sécurité (un manifeste SCORM n'en a pas besoin)."
        )
        % {"path": path},
        path=path,
        code="xml-declaration",
    )


def local_name(element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def children(element, name: str) -> list:
    return [child for child in element if local_name(child) == name]


def child(element, name: str):
    found = children(element, name)
    return found[0] if found else None


def text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def attribute(element, name: str) -> str:
    """An attribute by local name, whatever its namespace and case
    (``adlcp:scormtype`` in 1.2, ``adlcp:scormType`` in 2004)."""
    wanted = name.lower()
    for key, value in element.attrib.items():
        if etree.QName(key).localname.lower() == wanted:
            return value.strip()
    return ""


XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
