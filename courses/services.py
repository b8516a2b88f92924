"""Writes of the catalogue: importing H5P packages and their libraries."""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from courses import h5p
from courses.models import H5PContent, H5PLibrary, H5PLibraryInstall

logger = logging.getLogger(__name__)

INSTALL_PERMISSION = "courses.install_h5plibrary"


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
    row = _installed_row(ref)
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


def h5p_library_install_allowed(*, user) -> bool:
    """``None`` is the platform's operator (the ``import_h5p`` command without
    ``--as``), who may install; a person needs ``courses.install_h5plibrary``."""
    return user is None or user.has_perm(INSTALL_PERMISSION)


@dataclass(frozen=True)
class LibraryChange:
    """A library an import installs (``version_before`` empty) or updates."""

    machine_name: str
    version_before: str
    version_after: str
    sha256: str
    files: h5p.FileChanges

    @property
    def is_update(self) -> bool:
        return bool(self.version_before)


class H5PLibraryUpdatePending(Exception):
    """An import would update installed libraries and was not confirmed.

    Nothing was stored. Show ``changes`` to the uploader and import again
    with ``confirmed_updates=fingerprint`` to apply exactly these updates.
    """

    def __init__(self, changes: list[LibraryChange]):
        super().__init__(", ".join(change.machine_name for change in changes))
        self.changes = changes
        self.fingerprint = hashlib.sha256(repr(changes).encode()).hexdigest()


def _library_change(library: h5p.H5PLibrary, row) -> LibraryChange | None:
    """What storing ``library`` over ``row`` (None: not installed) changes."""
    if row is not None and row.patch_version >= library.patch:
        return None
    hashes = h5p.file_hashes(library.files)
    return LibraryChange(
        machine_name=library.machine_name,
        version_before=row.version if row else "",
        version_after=h5p.version_of(library),
        sha256=h5p.files_sha256(hashes),
        files=h5p.file_changes(row.file_hashes if row else {}, hashes),
    )


def _installed_row(ref, *, lock=False) -> H5PLibrary | None:
    """The installed row for ``ref`` (a ``LibraryRef`` or package library)."""
    rows = H5PLibrary.objects.select_for_update() if lock else H5PLibrary.objects
    return rows.filter(
        machine_name=ref.machine_name,
        major_version=ref.major,
        minor_version=ref.minor,
    ).first()


def _libraries_install(libraries, writes, *, user, filename, confirmed_updates):
    """Install or update ``libraries`` (an installed patch as new or newer is
    kept), updates only as confirmed. Runs in the import's transaction with
    the installed rows locked, so what is compared is what gets replaced."""
    plan = []
    for library in libraries:
        row = _installed_row(library, lock=True)
        plan.append((library, row, _library_change(library, row)))
    updates = [change for *_, change in plan if change and change.is_update]
    if updates:
        pending = H5PLibraryUpdatePending(updates)
        if pending.fingerprint != confirmed_updates:
            raise pending
    for library, row, change in plan:
        if change is not None:
            _library_store(library, row, change, writes, user, filename)


def _library_store(library, row, change, writes, user, filename) -> None:
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
    row.file_hashes = h5p.file_hashes(library.files)
    row.origin_filename = filename[:255]
    row.installed_at = timezone.now()
    row.installed_by = user
    row.save()
    for path, data in library.files.items():
        writes.save(row.storage_path(path), data)
    H5PLibraryInstall.objects.create(
        library=row,
        version_before=change.version_before,
        version_after=change.version_after,
        installed_by=user,
        origin_filename=filename[:255],
        files_added=list(change.files.added),
        files_removed=list(change.files.removed),
        files_modified=list(change.files.modified),
    )


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


def h5p_content_import(
    *,
    source,
    title: str = "",
    filename: str = "",
    user=None,
    confirmed_updates: str = "",
) -> H5PContent:
    """Validate a ``.h5p`` package, then store its content and, when ``user``
    may install libraries (``h5p_library_install_allowed``), its libraries.

    Anyone else only uses installed libraries: the package's own are ignored,
    and it is refused when it needs one that is missing or newer than
    installed. An update of an installed library is applied only when
    ``confirmed_updates`` is the fingerprint of ``H5PLibraryUpdatePending``
    raised by a first attempt, so that what is confirmed is what was shown.

    Raises ``h5p.H5PPackageError`` before anything is written when the package
    is refused. The import is atomic: if storing fails half-way, the rows are
    rolled back and the files written so far are deleted.
    """
    may_install = h5p_library_install_allowed(user=user)
    package = h5p.read_package(
        source,
        installed=h5p_installed_library,
        limits=h5p_limits(),
        use_shipped_libraries=may_install,
    )
    writes = _Writes(written=[], obsolete=[])
    try:
        with transaction.atomic():
            _libraries_install(
                package.libraries if may_install else (),
                writes,
                user=user,
                filename=filename,
                confirmed_updates=confirmed_updates,
            )
            content = _content_store(package, writes, title, filename, user)
    except Exception:
        writes.undo()
        raise
    for path in writes.obsolete:
        default_storage.delete(path)
    return content


def _content_store(package, writes, title, filename, user) -> H5PContent:
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
