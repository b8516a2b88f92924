"""Open a SCORM zip and read its files, within limits.

The same zip safety as H5P (``courses.h5p.archive``): names, sizes and
compression ratios are checked from the central directory before a single
entry is decompressed, and every entry is read bounded by its announced
size. SCORM packages carry any kind of web file; only what a web server
could run on its side is refused.
"""

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from courses.scorm.errors import ScormPackageError

MIB = 1024 * 1024
RATIO_FLOOR_BYTES = MIB
# Files a web server may execute instead of sending (PHP, ASP, JSP, CGI,
# server-side includes, configuration that changes how a folder is served).
SERVER_SIDE_EXTENSIONS = frozenset(
    "php php3 php4 php5 php7 phtml phar inc asp aspx ascx ashx asmx asa axd cer"
    " jsp jspx jsf do action cfm cfml cgi fcgi pl pm py pyc pyo rb sh bash bat cmd"
    " ps1 exe dll so com shtml shtm stm war jar".split()
)
SERVER_SIDE_NAMES = frozenset({".htaccess", ".htpasswd", "web.config", ".user.ini"})

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Limits:
    """Ceilings on what is extracted. ``max_ratio`` applies only to entries
    larger than ``RATIO_FLOOR_BYTES`` (1 MiB): small text compresses a lot."""

    max_file_bytes: int = 128 * MIB
    max_total_bytes: int = 256 * MIB
    max_ratio: int = 100
    max_entries: int = 10_000


def read_archive(source, limits: Limits) -> dict[str, bytes]:
    """Every file of the archive at ``source`` (a path or binary file),
    path -> bytes; directories are left out."""
    archive = _open(source)
    with archive:
        entries = _entries(archive, limits)
        _check_sizes(entries, limits)
        return {info.filename: _read_bounded(archive, info) for info in entries}


def _open(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise ScormPackageError(
            _("Ce fichier n'est pas un paquet SCORM lisible (archive ZIP invalide)."),
            code="not-zip",
        ) from exc


def _entries(archive, limits) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise ScormPackageError(
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
        if info.is_dir():
            continue
        if _is_server_side(info.filename):
            raise _error(
                _(
                    "Le paquet contient un script exécutable côté serveur, refusé : "
                    "« %(path)s »."
                ),
                info.filename,
                "server-script",
            )
        if info.filename.lower() in seen:
            raise _error(
                _("Le paquet contient deux fois le fichier « %(path)s »."),
                info.filename,
                "duplicate-path",
            )
        seen.add(info.filename.lower())
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
        or "." in segments
        or "" in segments
        or stat.S_ISLNK(info.external_attr >> 16)
    )


def _is_server_side(name: str) -> bool:
    path = PurePosixPath(name)
    if path.name.lower() in SERVER_SIDE_NAMES:
        return True
    return any(
        suffix.lower().removeprefix(".") in SERVER_SIDE_EXTENSIONS
        for suffix in path.suffixes
    )


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
        raise ScormPackageError(
            _("Le paquet décompressé est trop volumineux (%(size)s ; maximum %(max)s).")
            % {"size": _mib(total), "max": _mib(limits.max_total_bytes)},
            code="package-too-large",
        )


def _read_bounded(archive, info) -> bytes:
    """Decompress at most the announced size (already within the limits)."""
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, OSError) as exc:
        raise _error(
            _(
                "Le fichier « %(path)s » du paquet est illisible (archive ZIP "
                "corrompue ou chiffrée)."
            ),
            info.filename,
            "corrupt",
        ) from exc
    if len(data) != info.file_size:
        raise _error(
            _(
                "La taille réelle du fichier « %(path)s » ne correspond pas à celle "
                "annoncée dans l'archive."
            ),
            info.filename,
            "size-mismatch",
        )
    return data


def _error(message: str, path: str, code: str, **params) -> ScormPackageError:
    return ScormPackageError(message % {"path": path, **params}, path=path, code=code)


def _mib(size: int) -> str:
    return _("%(size).1f Mo") % {"size": size / MIB}
