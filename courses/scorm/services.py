"""Importing a SCORM package: the package reader checks it, this stores it.
(The rest of ``courses.scorm`` reads packages with no database.)"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import ScormPackage, ScormSco
from courses.scorm.archive import MIB, Limits
from courses.scorm.errors import ScormPackageError
from courses.scorm.package import read_package

logger = logging.getLogger(__name__)


def scorm_limits() -> Limits:
    return Limits(
        max_file_bytes=getattr(settings, "SCORM_MAX_FILE_BYTES", 128 * MIB),
        max_total_bytes=getattr(settings, "SCORM_MAX_TOTAL_BYTES", 256 * MIB),
    )


def scorm_package_import(
    *,
    source,
    title: str = "",
    licence: str = "U",
    author: str = "",
    filename: str = "",
    user=None,
) -> ScormPackage:
    """Validate a SCORM zip, then store its files and rows.

    Raises ``ScormPackageError`` before anything is written when the package
    is refused. Atomic: if storing fails half-way, the rows are rolled back
    and the files written so far deleted.
    """
    package = read_package(source, limits=scorm_limits())
    written: list[str] = []
    try:
        with transaction.atomic():
            row = ScormPackage.objects.create(
                title=(title or package.title or filename or _("Contenu SCORM"))[:255],
                version=package.version,
                identifier=package.identifier[:255],
                licence=licence or "U",
                author=author[:255],
                metadata=package.metadata,
                files=sorted(package.files),
                source_filename=filename[:255],
                size_bytes=package.size_bytes,
                uploaded_by=user,
            )
            ScormSco.objects.bulk_create(
                ScormSco(package=row, position=position, **_sco_fields(item))
                for position, item in enumerate(package.items)
            )
            for path, data in package.files.items():
                _save(row.storage_path(path), data, written)
    except Exception:
        for path in written:
            default_storage.delete(path)
        raise
    logger.info("SCORM package %s imported (%s)", row.pk, row.version)
    return row


def _sco_fields(item) -> dict:
    return {
        "identifier": item.identifier[:255],
        "title": item.title,
        "href": item.href[:2000],
        "is_sco": item.is_sco,
        "mastery_score": item.mastery_score,
        "launch_data": item.launch_data,
        "depth": item.depth,
    }


def _save(path: str, data: bytes, written: list[str]) -> None:
    """A package's relative links need each file at its own name: a storage
    that renames one (a name it cannot hold) refuses the package."""
    saved = default_storage.save(path, ContentFile(data))
    written.append(saved)
    if saved != path:
        raise ScormPackageError(
            _("Le fichier « %(path)s » ne peut pas être enregistré sous ce nom.")
            % {"path": path.split("/", 2)[-1]},
            code="storage-name",
        )
