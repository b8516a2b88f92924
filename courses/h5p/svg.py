"""Defuse SVG files before they are stored and served from our domain."""

import re

from django.utils.translation import gettext as _
from lxml import etree

from courses.h5p.errors import H5PPackageError
from courses.h5p.markup import compact_url, is_safe_url, url_scheme

# Elements that run code or embed HTML, removed with their content.
REMOVED_ELEMENTS = frozenset(
    {"script", "foreignobject", "handler", "iframe", "embed", "object"}
)
ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_RASTER_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp|bmp)[;,]", re.IGNORECASE)


def clean_svg(data: bytes, path: str) -> bytes:
    """``data`` without scripts, event handlers or script URLs.

    Entities are never expanded and the DOCTYPE is not written back, so an
    entity declared in it cannot smuggle markup past the cleaning.
    """
    root = _parse(data, path)
    for node in list(root.iter()):
        if _must_go(node):
            _remove(node)
        elif isinstance(node.tag, str):
            _clean_attributes(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _parse(data: bytes, path: str):
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _invalid(path) from exc
    if root is None or _local_name(root) != "svg":
        raise _invalid(path)
    return root


def _invalid(path: str) -> H5PPackageError:
    return H5PPackageError(
        _("Le fichier SVG « %(path)s » est invalide ; il ne peut pas être nettoyé.")
        % {"path": path},
        path=path,
        code="invalid-svg",
    )


def _local_name(node) -> str:
    return etree.QName(node).localname.lower()


def _must_go(node) -> bool:
    if not isinstance(node.tag, str):
        return True  # entity references, and comments the parser kept
    name = _local_name(node)
    if name in REMOVED_ELEMENTS:
        return True
    target = node.get("attributeName", "").strip().lower()
    return name in ANIMATIONS and (target.endswith("href") or target.startswith("on"))


def _remove(node) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _clean_attributes(element) -> None:
    for name in list(element.attrib):
        local = etree.QName(name).localname.lower()
        if local.startswith("on") or (
            local == "href" and not _safe_href(element.attrib[name])
        ):
            del element.attrib[name]


def _safe_href(value: str) -> bool:
    """Web and relative links, and inline raster images (not inline SVG)."""
    if url_scheme(value) == "data":
        return _RASTER_DATA.match(compact_url(value)) is not None
    return is_safe_url(value)
