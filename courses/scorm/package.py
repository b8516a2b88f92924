"""Read a SCORM zip into a ``ScormPackage``: the one entry point."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from courses.scorm.archive import Limits, read_archive
from courses.scorm.errors import ScormPackageError
from courses.scorm.manifest import MANIFEST, ScormItem, read_manifest
from courses.scorm.metadata import read_metadata
from courses.scorm.xml import parse_xml

DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class ScormPackage:
    identifier: str
    version: str
    title: str
    metadata: dict
    items: tuple[ScormItem, ...]
    files: dict[str, bytes]

    @property
    def size_bytes(self) -> int:
        return sum(len(data) for data in self.files.values())


def read_package(source, *, limits: Limits = DEFAULT_LIMITS) -> ScormPackage:
    """Check the package at ``source`` (a path or binary file).

    Raises ``ScormPackageError`` at the first refusal; nothing is returned
    unless the whole package passed. Titles are returned as written: escape
    them where they are shown.
    """
    files = read_archive(source, limits)
    if MANIFEST not in files:
        raise ScormPackageError(
            _(
                "Le fichier imsmanifest.xml est absent de la racine du paquet : "
                "ce n'est pas un paquet SCORM (ou il a été compressé dans un "
                "dossier)."
            ),
            path=MANIFEST,
            code="no-manifest",
        )
    root = parse_xml(files[MANIFEST], MANIFEST)
    manifest = read_manifest(root, files)
    metadata = read_metadata(root, files)
    return ScormPackage(
        identifier=manifest.identifier,
        version=manifest.version,
        title=manifest.title or metadata.get("title", ""),
        metadata=metadata,
        items=manifest.items,
        files=files,
    )
