"""SCORM packages on the player's origin (``courses.player``): the same
unguessable, never-changing key per package as H5P contents, with a salt of
its own, and the address of the wrapper page for one SCO."""

from urllib.parse import urlencode

from django.utils.crypto import constant_time_compare, salted_hmac

from courses.player import KEY_LENGTH, player_origin


def package_key(package_pk: int) -> str:
    return salted_hmac(
        "virage.scorm.package", str(package_pk), algorithm="sha256"
    ).hexdigest()[:KEY_LENGTH]


def package_key_valid(package_pk: int, key: str) -> bool:
    return constant_time_compare(package_key(package_pk), key)


def files_base(package_pk: int) -> str:
    return f"/scorm/lecteur/{package_pk}/{package_key(package_pk)}/f/"


def wrapper_url(*, package_pk: int, sco_pk: int, parent_origin: str) -> str:
    """Where the lesson's sandboxed iframe points for one SCO: immutable for a
    SCO and embedding site."""
    query = urlencode({"parent": parent_origin})
    return (
        f"{player_origin()}/scorm/lecteur/{package_pk}/{package_key(package_pk)}/"
        f"{sco_pk}/?{query}"
    )
