"""Read an uploaded zip without trusting it: the checks H5P and SCORM share.

Pure (no database). Names, sizes and compression ratios are checked from the
central directory before a single entry is decompressed, and each entry is
read bounded by its announced size. Every refusal is raised as the caller's
``error`` class (an ``ApplicationError`` taking ``message, path=, code=``),
with a translated message naming the file and a stable code, so each reader
keeps its own error type.
"""

import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

MIB = 1024 * 1024
# Below this size an entry is never suspected of being a bomb: small JSON, CSS
# and SVG files legitimately compress 20 to 50 times, a bomb needs volume.
RATIO_FLOOR_BYTES = MIB

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ZipLimits:
    """Ceilings on what is extracted; ``max_ratio`` (uncompressed / compressed
    size) is enforced only on entries larger than ``RATIO_FLOOR_BYTES``."""

    max_file_bytes: int
    max_total_bytes: int
    max_ratio: int = 100
    max_entries: int = 10_000


@dataclass(frozen=True)
class ZipRules:
    """What a reader accepts beyond the shared checks.

    ``keep(name)`` says whether a file entry is read (it may raise the
    reader's own refusal); ``forbid_dot`` refuses ``.`` path segments;
    ``casefold`` counts names that differ only by case as duplicates.
    """

    error: type[Exception]
    keep: Callable[[str], bool] = lambda name: True
    forbid_dot: bool = False
    casefold: bool = False


def safe_entries(archive: zipfile.ZipFile, limits: ZipLimits, rules: ZipRules):
    """The file entries to read, after the name, count and size checks."""
    entries = _kept_entries(archive, limits, rules)
    _check_sizes(entries, limits, rules.error)
    return entries


def _kept_entries(archive, limits, rules) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise rules.error(
            _("Le paquet contient trop de fichiers (%(count)s ; maximum %(max)s).")
            % {"count": len(infos), "max": limits.max_entries},
            code="too-many-files",
        )
    kept, seen = [], set()
    for info in infos:
        if is_forbidden(info, forbid_dot=rules.forbid_dot):
            raise refusal(
                rules.error,
                _("Le paquet contient un chemin interdit : « %(path)s »."),
                info.filename,
                "forbidden-path",
            )
        if info.is_dir() or not rules.keep(info.filename):
            continue
        key = info.filename.lower() if rules.casefold else info.filename
        if key in seen:
            raise refusal(
                rules.error,
                _("Le paquet contient deux fois le fichier « %(path)s »."),
                info.filename,
                "duplicate-path",
            )
        seen.add(key)
        kept.append(info)
    return kept


def is_forbidden(info: zipfile.ZipInfo, *, forbid_dot: bool = False) -> bool:
    """Absolute, drive, backslash, control-character, ``..`` or empty
    segments, and symlinks: names that could land outside the package."""
    name = info.filename
    segments = name.removesuffix("/").split("/")
    return (
        name.startswith("/")
        or "\\" in name
        or bool(_DRIVE.match(name) or _CONTROL.search(name))
        or ".." in segments
        or (forbid_dot and "." in segments)
        or "" in segments
        or stat.S_ISLNK(info.external_attr >> 16)
    )


def _check_sizes(entries, limits, error) -> None:
    total = 0
    for info in entries:
        if info.file_size > limits.max_file_bytes:
            raise refusal(
                error,
                _(
                    "Le fichier « %(path)s » est trop volumineux (%(size)s ; maximum "
                    "%(max)s)."
                ),
                info.filename,
                "file-too-large",
                size=mib(info.file_size),
                max=mib(limits.max_file_bytes),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
            raise refusal(
                error,
                _(
                    "Le fichier « %(path)s » est anormalement compressé (%(ratio)s "
                    "fois ; maximum %(max)s) : le paquet est refusé par précaution."
                ),
                info.filename,
                "zip-bomb",
                ratio=int(ratio),
                max=limits.max_ratio,
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise error(
            _("Le paquet décompressé est trop volumineux (%(size)s ; maximum %(max)s).")
            % {"size": mib(total), "max": mib(limits.max_total_bytes)},
            code="package-too-large",
        )


def read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, error) -> bytes:
    """Decompress at most the announced size (already within the limits),
    whatever the local header claims."""
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, OSError) as exc:
        raise refusal(
            error,
            _(
                "Le fichier « %(path)s » du paquet est illisible (archive ZIP "
                "corrompue ou chiffrée)."
            ),
            info.filename,
            "corrupt",
        ) from exc
    if len(data) != info.file_size:
        raise refusal(
            error,
            _(
                "La taille réelle du fichier « %(path)s » ne correspond pas à celle "
                "annoncée dans l'archive."
            ),
            info.filename,
            "size-mismatch",
        )
    return data


def refusal(error, message: str, path: str, code: str, **params) -> Exception:
    """``error`` naming ``path`` inside the archive."""
    return error(message % {"path": path, **params}, path=path, code=code)


def mib(size: int) -> str:
    return _("%(size).1f Mo") % {"size": size / MIB}
