"""The H5P player's own origin.

H5P libraries are JavaScript written by third parties: they run only on
``settings.H5P_PLAYER_ORIGIN``, a host that holds nothing of the site (no
session, no CSRF cookie, no site URL answers there), inside a sandboxed iframe.
The lesson page (site origin) and the player talk through ``postMessage``.

Content files there are public only behind an unguessable key, derived from
the content with the site's secret: the key is handed out only by the launch
endpoint, to people allowed to play the content, and never changes, so the
files can be cached for good.
"""

import hashlib
import posixpath
import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.crypto import constant_time_compare, salted_hmac

KEY_LENGTH = 32


def player_origin() -> str:
    return settings.H5P_PLAYER_ORIGIN.rstrip("/")


def player_host() -> str:
    """``host[:port]`` of the player origin, as ``request.get_host()`` gives it."""
    return urlsplit(player_origin()).netloc.lower()


def is_player_request(request) -> bool:
    return request.get_host().lower() == player_host()


def content_key(content_pk: int) -> str:
    return salted_hmac(
        "virage.h5p.content", str(content_pk), algorithm="sha256"
    ).hexdigest()[:KEY_LENGTH]


def content_key_valid(content_pk: int, key: str) -> bool:
    return constant_time_compare(content_key(content_pk), key)


def site_origin_valid(origin: str) -> bool:
    """An origin the site itself answers on (never the player's own): the
    only kind of page allowed to frame the player and to receive its
    messages."""
    parts = urlsplit(origin or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.path or parts.query or parts.fragment or "@" in parts.netloc:
        return False
    if parts.netloc.lower() == player_host():
        return False
    domain, _port = split_domain_port(parts.netloc)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


def player_page_url(*, content_pk: int, language: str, parent_origin: str) -> str:
    """Where the sandboxed iframe points: immutable for a content, language
    and embedding site."""
    query = urlencode({"langue": language, "parent": parent_origin})
    return (
        f"{player_origin()}/h5p/lecteur/{content_pk}/{content_key(content_pk)}/?{query}"
    )


# Library files: versioned URLs and one script and one style sheet per library.
#
# h5p-standalone reads every library from one ``librariesPath``: the path
# carries a token made of the exact files of the content's libraries, so the
# same set of libraries gives the same URLs (a second exercise costs only its
# content) and a new patch gives new URLs (a file can be kept for good).
# Each library's ``library.json`` lists one bundle for its scripts and one
# for its styles, built at first use (``courses.views``): a few requests per
# library instead of one per file.

BUNDLE_JS = "virage-bundle.js"
BUNDLE_CSS = "virage-bundle.css"
TOKEN_LENGTH = 16
CSS_URL = re.compile(
    r"""url\(\s*(['"]?)(?![a-z][a-z0-9+.-]*:|/|#)([^'")]+)\1\s*\)""", re.I
)


def libraries_token(libraries) -> str:
    """The version of a set of libraries: changes when any of their files
    does, the same for two contents using the same libraries."""
    parts = sorted(
        f"{library.folder}.{library.patch_version}:{library.files_sha256}"
        for library in libraries
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return digest[:TOKEN_LENGTH]


def libraries_path(libraries) -> str:
    return f"/h5p/bibliotheques/v/{libraries_token(libraries)}"


def bundled_library_json(library_json: dict, files) -> dict:
    """``library.json`` as the player reads it: its preloaded scripts and
    styles replaced by one bundle each (unless the library ships a file of
    that name, then it is left as it is)."""
    if BUNDLE_JS in files or BUNDLE_CSS in files:
        return library_json
    bundled = dict(library_json)
    if library_json.get("preloadedJs"):
        bundled["preloadedJs"] = [{"path": BUNDLE_JS}]
    if library_json.get("preloadedCss"):
        bundled["preloadedCss"] = [{"path": BUNDLE_CSS}]
    return bundled


def bundle_sources(library_json: dict, name: str) -> list[str]:
    """The files a bundle is made of, in the order the library lists them."""
    key = {BUNDLE_JS: "preloadedJs", BUNDLE_CSS: "preloadedCss"}[name]
    return [item["path"] for item in library_json.get(key) or [] if item.get("path")]


def css_rebased(css: str, path: str) -> str:
    """A style sheet moved from ``path`` to the library's root: its relative
    ``url(...)`` now start from the root (absolute, ``data:`` and fragment
    URLs are left alone)."""
    folder = posixpath.dirname(path)
    if not folder:
        return css

    def rebase(match):
        target = posixpath.normpath(posixpath.join(folder, match.group(2).strip()))
        return f'url("{target}")'

    return CSS_URL.sub(rebase, css)


def bundle(name: str, sources: dict[str, bytes]) -> bytes:
    """One file from a library's scripts or styles, in order. Scripts are
    separated by a line and a semicolon, so a file that ends without one
    never runs into the next."""
    if name == BUNDLE_JS:
        return b"\n;\n".join(sources.values()) + b"\n"
    parts = [
        css_rebased(data.decode("utf-8", "replace"), path).encode()
        for path, data in sources.items()
    ]
    return b"\n".join(parts) + b"\n"
