"""HTML and plain-text filters for the text fields of H5P content.

Mirrors ``H5PContentValidator::filter_xss`` and ``htmlspecialchars`` in
h5p-php-library, with lxml parsing instead of regular expressions. Stricter
than PHP in two ways: attributes come from an allow-list (PHP keeps any
attribute but ``style`` and ``on*``), and ``<script>``, ``<style>``,
``<iframe>``... go away with their content instead of leaving their text.
"""

import html
import re
from functools import lru_cache

import lxml.html
from lxml import etree

BASE_TAGS = frozenset({"div", "span", "p", "br"})
TABLE_TAGS = frozenset(
    {"tr", "td", "th", "colgroup", "col", "thead", "tbody", "tfoot", "figure"}
    | {"figcaption"}
)
STYLEABLE_TAGS = frozenset(
    {"span", "p", "div", "h1", "h2", "h3", "table", "col", "figure", "td", "th", "li"}
)
# Removed with everything inside them, whatever the semantics allow.
DANGEROUS_TAGS = frozenset(
    {"script", "style", "iframe", "object", "embed", "applet", "frame", "frameset"}
    | {"noscript", "noembed", "noframes", "template", "base", "link", "meta"}
    | {"head", "title", "textarea", "xmp", "plaintext", "svg", "math", "form"}
)
# Without semantics, styles stay: CSS cannot run script in current browsers.
SCRUBBED_TAGS = DANGEROUS_TAGS - {"style"}
GLOBAL_ATTRIBUTES = frozenset({"title", "lang", "dir", "class"})
TAG_ATTRIBUTES = {
    "a": {"href", "target", "rel"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span", "width"},
    "colgroup": {"span"},
    "table": {"border", "cellpadding", "cellspacing", "summary", "width"},
    "ol": {"start", "type", "reversed"},
    "ul": {"type"},
    "li": {"value"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "background", "poster"}
    | {"longdesc", "lowsrc", "dynsrc", "data", "codebase", "ping", "xlink:href"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})

_COLOR = r"(#[a-f0-9]{3}[a-f0-9]{3}?|rgba?\([0-9, ]+\)|hsla?\([0-9,.% ]+\))"
_LENGTH = r"[0-9.]+(em|px|%|)"
_BORDER_STYLE = r"(none|solid|dotted|dashed|double|groove|ridge|inset|outset)"
FONT_STYLES = {
    "size": r"font-size: *[0-9.]+(em|px|%)",
    "family": r"font-family: *[-a-z0-9,'&; ]+",
    "color": rf"color: *{_COLOR}",
    "background": rf"background-color: *{_COLOR}",
    "spacing": r"letter-spacing: *[0-9.]+(em|px|%)",
    "height": rf"line-height: *{_LENGTH}",
}
TABLE_STYLES = (
    rf"border: *{_LENGTH} *{_BORDER_STYLE} *{_COLOR}",
    rf"border-style: *{_BORDER_STYLE}",
    rf"border-width: *{_LENGTH}",
    rf"border-color: *{_COLOR}",
    r"vertical-align: *(middle|top|bottom)",
    rf"padding: *{_LENGTH}",
    rf"width: *{_LENGTH}",
    rf"height: *{_LENGTH}",
    r"float: *(right|left|none)",
    r"border-collapse: *collapse",
    rf"background-color: *{_COLOR}",
)
TEXT_ALIGN = r"text-align: *(center|left|right)"

_BARE_AMPERSAND = re.compile(
    r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)"
)
_XML_INCOMPATIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([^/?#]*?):")


def escape_text(text: str) -> str:
    """PHP's ``htmlspecialchars($text, ENT_QUOTES, 'UTF-8', FALSE)``."""
    text = _BARE_AMPERSAND.sub("&amp;", text)
    for char, entity in (
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#039;"),
    ):
        text = text.replace(char, entity)
    return text


def compact_url(value: str) -> str:
    """``value`` without the blanks and controls browsers skip in a URL."""
    return _URL_NOISE.sub("", value)


def url_scheme(value: str) -> str | None:
    """The lowercase scheme a browser would read, None for a relative URL."""
    match = _SCHEME.match(compact_url(value))
    return match[1].lower() if match else None


def is_safe_url(value: str) -> bool:
    """True for relative URLs and http, https, mailto and ftp ones."""
    scheme = url_scheme(value)
    return scheme is None or scheme in SAFE_SCHEMES


def filter_html(text: str, tags, font=None) -> str:
    """Keep only ``tags`` (plus H5P's implied ones) and safe attributes."""
    allowed = allowed_tags(tuple(t for t in tags if isinstance(t, str)))
    styles = _style_patterns(_font_flags(font), "table" in allowed)
    body = _parse(text)
    if body is None:
        return escape_text(text)
    _filter_children(body, allowed, styles)
    return _inner_html(body)


def scrub_markup(text: str) -> str:
    """Remove scripts, embeds, ``on*`` handlers and unsafe URLs, keep the rest.

    For parameters of libraries whose semantics are unknown: their fields
    cannot be typed, but markup in them must not run code.
    """
    if "<" not in text:
        return text
    body = _parse(text)
    if body is None:
        return escape_text(text)
    _scrub_children(body)
    return _inner_html(body)


@lru_cache(maxsize=256)
def allowed_tags(tags: tuple[str, ...]) -> frozenset[str]:
    """The tags H5P accepts for a text field declaring ``tags``."""
    allowed = set(BASE_TAGS) | {tag.lower() for tag in tags}
    if "table" in allowed:
        allowed |= TABLE_TAGS
    for present, implied in (("b", "strong"), ("i", "em"), ("ul", "li")):
        if present in allowed:
            allowed.add(implied)
    if "ol" in allowed:
        allowed.add("li")
    if "del" in allowed or "strike" in allowed:
        allowed.add("s")
    return frozenset(allowed - DANGEROUS_TAGS)


def _font_flags(font) -> tuple[str, ...]:
    if not isinstance(font, dict):
        return ()
    return tuple(name for name in FONT_STYLES if font.get(name))


@lru_cache(maxsize=64)
def _style_patterns(font_flags: tuple[str, ...], tables: bool) -> tuple:
    patterns = [FONT_STYLES[name] for name in font_flags]
    if tables:
        patterns.extend(TABLE_STYLES)
    patterns.append(TEXT_ALIGN)
    return tuple(re.compile(rf"^{pattern} *;?$", re.IGNORECASE) for pattern in patterns)


def _parse(text: str):
    """The ``<body>`` holding ``text``'s nodes, or None if lxml gives up."""
    text = _XML_INCOMPATIBLE.sub("", text)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False
    )
    try:
        document = lxml.html.document_fromstring(
            f"<html><body>{text}</body></html>", parser=parser
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return document.find("body")


def _inner_html(body) -> str:
    parts = [html.escape(body.text, quote=False)] if body.text else []
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in body)
    return "".join(parts)


def _filter_children(parent, allowed, styles) -> None:
    for child in list(parent):
        if not isinstance(child.tag, str) or child.tag in DANGEROUS_TAGS:
            child.drop_tree()
            continue
        _filter_children(child, allowed, styles)
        if child.tag in allowed:
            _filter_attributes(child, styles)
        else:
            child.drop_tag()


def _filter_attributes(element, styles) -> None:
    allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(element.tag, set())
    for name, value in list(element.attrib.items()):
        if name == "style" and element.tag in STYLEABLE_TAGS:
            value = _filter_style(value, styles)
            keep = bool(value)
        else:
            keep = name in allowed and (
                name not in URL_ATTRIBUTES or is_safe_url(value)
            )
        if keep:
            element.set(name, value)
        else:
            del element.attrib[name]


def _filter_style(value: str, patterns) -> str:
    declarations = [part.strip() for part in value.split(";")]
    kept = [part for part in declarations if any(p.match(part) for p in patterns)]
    return "; ".join(kept) + ";" if kept else ""


def _scrub_children(parent) -> None:
    for child in list(parent):
        if not isinstance(child.tag, str) or child.tag in SCRUBBED_TAGS:
            child.drop_tree()
            continue
        _scrub_children(child)
        for name, value in list(child.attrib.items()):
            lowered = name.lower()
            unsafe_url = lowered in URL_ATTRIBUTES and not is_safe_url(value)
            if lowered.startswith("on") or lowered == "srcdoc" or unsafe_url:
                del child.attrib[name]
