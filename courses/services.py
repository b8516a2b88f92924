"""Writes of the catalogue: importing H5P packages into storage."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from courses import h5p
from courses.models import H5PContent, H5PLibrary

logger = logging.getLogger(__name__)


def h5p_limits() -> h5p.Limits:
    return h5p.Limits(
        max_file_bytes=settings.H5P_MAX_FILE_BYTES,
        max_total_bytes=settings.H5P_MAX_TOTAL_BYTES,
    )


def _as_package_library(row: H5PLibrary) -> h5p.H5PLibrary:
    return h5p.H5PLibrary(
        machine_name=row.machine_name,
        major=row.major_version,
        minor=row.minor_version,
        patch=row.patch_version,
        title=row.title,
        runnable=row.runnable,
        preloaded_js=(),
        preloaded_css=(),
        preloaded_dependencies=tuple(
            h5p.LibraryRef(*ref) for ref in row.preloaded_dependencies
        ),
        dynamic_dependencies=(),
        editor_dependencies=(),
        semantics=row.semantics,
        library_json=row.library_json,
        language_files=row.translations,
        files={},
    )


def h5p_installed_library(ref: h5p.LibraryRef) -> h5p.H5PLibrary | None:
    row = H5PLibrary.objects.filter(
        machine_name=ref.machine_name, major_version=ref.major, minor_version=ref.minor
    ).first()
    return _as_package_library(row) if row else None


@dataclass
class _Writes:
    """Files written by one import: removed again if the import fails."""

    written: list
    obsolete: list

    def save(self, path: str, data: bytes):
        if default_storage.exists(path):
            default_storage.delete(path)
        self.written.append(default_storage.save(path, ContentFile(data)))

    def undo(self):
        for path in self.written:
            default_storage.delete(path)


def _library_store(library: h5p.H5PLibrary, writes: _Writes) -> H5PLibrary:
    row = (
        H5PLibrary.objects.select_for_update()
        .filter(
            machine_name=library.machine_name,
            major_version=library.major,
            minor_version=library.minor,
        )
        .first()
    )
    if row is not None and row.patch_version >= library.patch:
        return row
    if row is not None:
        writes.obsolete += [row.storage_path(path) for path in row.files]
    row = row or H5PLibrary(
        machine_name=library.machine_name,
        major_version=library.major,
        minor_version=library.minor,
    )
    row.patch_version = library.patch
    row.title = library.title
    row.runnable = library.runnable
    row.library_json = library.library_json
    row.semantics = library.semantics
    row.preloaded_dependencies = [
        [ref.machine_name, ref.major, ref.minor]
        for ref in library.preloaded_dependencies
    ]
    row.translations = library.language_files
    row.files = sorted(library.files)
    row.save()
    for path, data in library.files.items():
        writes.save(row.storage_path(path), data)
    return row


def _required_libraries(package: h5p.H5PPackage) -> list[H5PLibrary]:
    """The main library and every preloaded dependency, transitively."""
    seen, pending = {}, list(package.preloaded_dependencies) + [package.main_library]
    while pending:
        ref = pending.pop()
        if (ref.machine_name, ref.major, ref.minor) in seen:
            continue
        row = H5PLibrary.objects.get(
            machine_name=ref.machine_name,
            major_version=ref.major,
            minor_version=ref.minor,
        )
        seen[(ref.machine_name, ref.major, ref.minor)] = row
        pending += [h5p.LibraryRef(*dep) for dep in row.preloaded_dependencies]
    return list(seen.values())


def h5p_content_import(*, source, title="", filename="", user=None) -> H5PContent:
    """Validate a ``.h5p`` package, then store its libraries and content.

    Raises ``h5p.H5PPackageError`` before anything is written when the package
    is refused. The import is atomic: if storing fails half-way, the rows are
    rolled back and the files written so far are deleted.
    """
    package = h5p.read_package(
        source, installed=h5p_installed_library, limits=h5p_limits()
    )
    writes = _Writes(written=[], obsolete=[])
    try:
        with transaction.atomic():
            content = _content_store(package, writes, title, filename, user)
    except Exception:
        writes.undo()
        raise
    for path in writes.obsolete:
        default_storage.delete(path)
    return content


def _content_store(package, writes, title, filename, user) -> H5PContent:
    for library in package.libraries:
        _library_store(library, writes)
    main = H5PLibrary.objects.get(
        machine_name=package.main_library.machine_name,
        major_version=package.main_library.major,
        minor_version=package.main_library.minor,
    )
    content = H5PContent.objects.create(
        title=(title or package.title)[:255],
        main_library=main,
        language=package.language,
        h5p_json=package.h5p_json,
        content_json=package.content,
        metadata=package.metadata,
        files=sorted(package.content_files),
        source_filename=filename[:255],
        size_bytes=sum(len(data) for data in package.content_files.values())
        + sum(len(d) for lib in package.libraries for d in lib.files.values()),
        uploaded_by=user,
    )
    content.libraries.set(_required_libraries(package))
    for path, data in package.content_files.items():
        writes.save(content.storage_path(f"content/{path}"), data)
    logger.info("H5P content %s imported (%s)", content.pk, main)
    return content
