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
