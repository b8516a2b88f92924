"""Open a SCORM zip and read its files, within limits.

The zip safety is ``core.zipsafety``'s, shared with H5P, stricter on two
points: ``.`` segments are refused and names that differ only by case count
as duplicates. SCORM packages carry any kind of web file; only what a web
server could run on its side is refused.
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
from courses.scorm.errors import ScormPackageError

# Files a web server may execute instead of sending (PHP, ASP, JSP, CGI,
# server-side includes, configuration that changes how a folder is served).
SERVER_SIDE_EXTENSIONS = frozenset(
    "php php3 php4 php5 php7 phtml phar inc asp aspx ascx ashx asmx asa axd cer"
    " jsp jspx jsf do action cfm cfml cgi fcgi pl pm py pyc pyo rb sh bash bat cmd"
    " ps1 exe dll so com shtml shtm stm war jar".split()
)
SERVER_SIDE_NAMES = frozenset({".htaccess", ".htpasswd", "web.config", ".user.ini"})


@dataclass(frozen=True)
class Limits(ZipLimits):
    max_file_bytes: int = 128 * MIB
    max_total_bytes: int = 256 * MIB


def _no_server_script(name: str) -> bool:
    """Every file is kept, but none a web server would run."""
    path = PurePosixPath(name)
    if path.name.lower() in SERVER_SIDE_NAMES or any(
        suffix.lower().removeprefix(".") in SERVER_SIDE_EXTENSIONS
        for suffix in path.suffixes
    ):
        raise refusal(
            ScormPackageError,
            _(
                "Le paquet contient un script exécutable côté serveur, refusé : "
                "« %(path)s »."
            ),
            name,
            "server-script",
        )
    return True


RULES = ZipRules(
    error=ScormPackageError, keep=_no_server_script, forbid_dot=True, casefold=True
)


def read_archive(source, limits: Limits) -> dict[str, bytes]:
    """Every file of the archive at ``source`` (a path or binary file),
    path -> bytes; directories are left out."""
    archive = _open(source)
    with archive:
        return {
            info.filename: read_bounded(archive, info, ScormPackageError)
            for info in safe_entries(archive, limits, RULES)
        }


def _open(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise ScormPackageError(
            _("Ce fichier n'est pas un paquet SCORM lisible (archive ZIP invalide)."),
            code="not-zip",
        ) from exc
