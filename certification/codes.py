"""Verification codes: 80 random bits written as 16 Crockford base32 characters.

Crockford's alphabet leaves out I, L, O and U, so a code read aloud or typed
from paper survives the usual confusions; ``normalise_code`` maps them back.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 80
CODE_LENGTH = CODE_BITS // 5
GROUP = 4

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—.·]+")
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_VALID = frozenset(ALPHABET)
# Longer input is not a mistyped code; refusing it early bounds the work.
_MAX_INPUT = 64


def code_generate() -> str:
    """A fresh code from the operating system's random source."""
    value = secrets.randbits(CODE_BITS)
    return "".join(
        ALPHABET[(value >> shift) & 0b11111] for shift in range(CODE_BITS - 5, -1, -5)
    )


def code_display(code: str) -> str:
    """``XXXX-XXXX-XXXX-XXXX``: what is printed and shown."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(text) -> str | None:
    """The canonical code a person meant, or None if it cannot be one.

    Case, spaces, dashes and dots are ignored; O reads as 0, I and L as 1.
    """
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        return None
    cleaned = _SEPARATORS.sub("", text).upper().translate(_CONFUSABLE)
    if len(cleaned) != CODE_LENGTH or not _VALID.issuperset(cleaned):
        return None
    return cleaned
