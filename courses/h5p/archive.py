"""Open an .h5p archive and extract the files H5P keeps, within limits."""

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from courses.h5p.errors import H5PPackageError

MIB = 1024 * 1024
H5P_JSON = "h5p.json"
CONTENT_DIR = "content/"
CONTENT_JSON = "content/content.json"
# H5PCore::$defaultContentWhitelist, without swf (Flash).
CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 m4a"
    " wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp csv diff patch md"
    " textile vtt webvtt gltf glb".split()
)
# H5PCore::$defaultLibraryWhitelistExtras.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
# Below this size an entry is never suspected of being a bomb: small JSON, CSS
# and SVG files legitimately compress 20 to 50 times, a bomb needs volume.
RATIO_FLOOR_BYTES = MIB

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Limits:
    """Ceilings on what is extracted; skipped entries are never read.

    ``max_ratio`` (uncompressed / compressed size) is enforced only on
    entries larger than ``RATIO_FLOOR_BYTES`` (1 MiB).
    """

    max_file_bytes: int = 16 * MIB
    max_total_bytes: int = 64 * MIB
    max_ratio: int = 100
    max_entries: int = 10_000


def read_archive(source, limits: Limits) -> dict[str, bytes]:
    """Every file H5P keeps from the archive at ``source``, path -> bytes.

    Names, sizes and extensions are all checked from the central directory
    before a single entry is decompressed.
    """
    archive = _open(source)
    with archive:
        entries = _kept_entries(archive, limits)
        _check_sizes(entries, limits)
        for info in entries:
            _check_extension(info.filename)
        return _read_entries(archive, entries, limits)


def _open(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise H5PPackageError(
            _("Ce fichier n'est pas un paquet H5P lisible (archive ZIP invalide)."),
            code="not-zip",
        ) from exc


def _kept_entries(archive, limits) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise H5PPackageError(
            _("Le paquet contient trop de fichiers (%(count)s ; maximum %(max)s).")
            % {"count": len(infos), "max": limits.max_entries},
            code="too-many-files",
        )
    kept, seen = [], set()
    for info in infos:
        if _is_forbidden(info):
            raise _error(
                _("Le paquet contient un chemin interdit : « %(path)s »."),
                info.filename,
                "forbidden-path",
            )
        if info.is_dir() or _is_skipped(info.filename):
            continue
        if info.filename in seen:
            raise _error(
                _("Le paquet contient deux fois le fichier « %(path)s »."),
                info.filename,
                "duplicate-path",
            )
        seen.add(info.filename)
        kept.append(info)
    return kept


def _is_forbidden(info: zipfile.ZipInfo) -> bool:
    name = info.filename
    segments = name.removesuffix("/").split("/")
    return (
        name.startswith("/")
        or "\\" in name
        or bool(_DRIVE.match(name) or _CONTROL.search(name))
        or ".." in segments
        or "" in segments
        or stat.S_ISLNK(info.external_attr >> 16)
    )


def _is_skipped(name: str) -> bool:
    """H5P ignores dot- and underscore-files and stray top-level files."""
    if any(segment.startswith((".", "_")) for segment in name.split("/")):
        return True
    return "/" not in name and name != H5P_JSON


def _check_sizes(entries, limits) -> None:
    total = 0
    for info in entries:
        if info.file_size > limits.max_file_bytes:
            raise _error(
                _(
                    "Le fichier « %(path)s » est trop volumineux (%(size)s ; maximum "
                    "%(max)s)."
                ),
                info.filename,
                "file-too-large",
                size=_mib(info.file_size),
                max=_mib(limits.max_file_bytes),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
            raise _error(
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
        raise H5PPackageError(
            _("Le paquet décompressé est trop volumineux (%(size)s ; maximum %(max)s).")
            % {"size": _mib(total), "max": _mib(limits.max_total_bytes)},
            code="package-too-large",
        )


def _check_extension(name: str) -> None:
    if name == H5P_JSON:
        return
    allowed = CONTENT_EXTENSIONS if name.startswith(CONTENT_DIR) else LIBRARY_EXTENSIONS
    if PurePosixPath(name).suffix.lower().removeprefix(".") not in allowed:
        raise _error(
            _("Type de fichier interdit : « %(path)s »."), name, "forbidden-type"
        )


def _read_entries(archive, entries, limits) -> dict[str, bytes]:
    files, budget = {}, limits.max_total_bytes
    for info in entries:
        data = _read_bounded(archive, info, min(limits.max_file_bytes, budget))
        budget -= len(data)
        files[info.filename] = data
    return files


def _read_bounded(archive, info, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes, whatever the header claims."""
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, OSError) as exc:
        raise _error(
            _(
                "Le fichier « %(path)s » du paquet est illisible (archive ZIP "
                "corrompue ou chiffrée)."
            ),
            info.filename,
            "corrupt",
        ) from exc
    if len(data) > limit or len(data) != info.file_size:
        raise _error(
            _(
                "La taille réelle du fichier « %(path)s » ne correspond pas à celle "
                "annoncée dans l'archive."
            ),
            info.filename,
            "size-mismatch",
        )
    return data


def _error(message: str, path: str, code: str, **params) -> H5PPackageError:
    return H5PPackageError(message % {"path": path, **params}, path=path, code=code)


def _mib(size: int) -> str:
    return _("%(size).1f Mo") % {"size": size / MIB}
