"""Open an .h5p archive and extract the files H5P keeps, within limits.

The zip safety (paths, symlinks, duplicates, sizes, ratio, file count,
bounded reads) is ``core.zipsafety``'s, shared with SCORM; this module adds
what H5P keeps (no dot- or underscore-files, no stray top-level files) and
its whitelist of extensions.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from core.zipsafety import (
    MIB,
    ZipLimits,
    ZipRules,
    read_bounded,
    refusal,
    safe_entries,
)
from courses.h5p.errors import H5PPackageError

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


@dataclass(frozen=True)
class Limits(ZipLimits):
    """Ceilings on what is extracted; skipped entries are never read."""

    max_file_bytes: int = 16 * MIB
    max_total_bytes: int = 64 * MIB


def _is_kept(name: str) -> bool:
    """H5P ignores dot- and underscore-files and stray top-level files."""
    if any(segment.startswith((".", "_")) for segment in name.split("/")):
        return False
    return "/" in name or name == H5P_JSON


RULES = ZipRules(error=H5PPackageError, keep=_is_kept)


def read_archive(source, limits: Limits) -> dict[str, bytes]:
    """Every file H5P keeps from the archive at ``source``, path -> bytes.

    Names, sizes and extensions are all checked from the central directory
    before a single entry is decompressed.
    """
    archive = _open(source)
    with archive:
        entries = safe_entries(archive, limits, RULES)
        for info in entries:
            _check_extension(info.filename)
        return {
            info.filename: read_bounded(archive, info, H5PPackageError)
            for info in entries
        }


def _open(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise H5PPackageError(
            _("Ce fichier n'est pas un paquet H5P lisible (archive ZIP invalide)."),
            code="not-zip",
        ) from exc


def _check_extension(name: str) -> None:
    if name == H5P_JSON:
        return
    allowed = CONTENT_EXTENSIONS if name.startswith(CONTENT_DIR) else LIBRARY_EXTENSIONS
    if PurePosixPath(name).suffix.lower().removeprefix(".") not in allowed:
        raise refusal(
            H5PPackageError,
            _("Type de fichier interdit : « %(path)s »."),
            name,
            "forbidden-type",
        )
