"""Library trust: what an uploader who may not install libraries can import,
and how an installed library's files compare with a package's. No database."""

import hashlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from courses.h5p.errors import H5PPackageError
from courses.h5p.library import H5PLibrary, LibraryRef


def file_hashes(files: dict[str, bytes]) -> dict[str, str]:
    """SHA-256 (hex) of each file, by path."""
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def files_sha256(hashes: dict[str, str]) -> str:
    """One hash for a whole library: the SHA-256 of its ``sha256sum`` listing,
    so two folders with the same files give the same value."""
    listing = "".join(f"{hashes[path]}  {path}\n" for path in sorted(hashes))
    return hashlib.sha256(listing.encode()).hexdigest()


@dataclass(frozen=True)
class FileChanges:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()


def file_changes(before: dict[str, str], after: dict[str, str]) -> FileChanges:
    """Compare two ``file_hashes`` results."""
    return FileChanges(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        modified=tuple(
            sorted(p for p in before.keys() & after.keys() if before[p] != after[p])
        ),
    )


def check_installed(
    roots,
    shipped: tuple[H5PLibrary, ...],
    installed: Callable[[LibraryRef], H5PLibrary | None],
) -> None:
    """Refuse a package whose content needs a library that is not installed,
    or that ships a newer patch of one than is installed.

    For an uploader who may not install libraries: the package's own library
    folders are never stored, so the content must run on the installed ones,
    and a newer patch would be silently downgraded. Dependencies are followed
    through the installed libraries, the ones that will actually be loaded.
    """
    offered = {library.ref: library for library in shipped}
    pending, seen = deque(roots), set()
    while pending:
        ref = pending.popleft()
        if ref in seen:
            continue
        seen.add(ref)
        library, shipped_one = installed(ref), offered.get(ref)
        if library is None:
            raise _not_installed(ref, shipped_one)
        if shipped_one is not None and shipped_one.patch > library.patch:
            raise _newer_than_installed(shipped_one, library)
        pending.extend(library.preloaded_dependencies)


def version_of(library: H5PLibrary) -> str:
    return f"{library.major}.{library.minor}.{library.patch}"


def _not_installed(ref: LibraryRef, shipped: H5PLibrary | None) -> H5PPackageError:
    version = version_of(shipped) if shipped else f"{ref.major}.{ref.minor}"
    return H5PPackageError(
        _(
            "Ce paquet a besoin de la bibliothèque « %(library)s %(version)s », "
            "qui n'est pas installée sur la plateforme : seul un administrateur "
            "peut l'installer, en important ce paquet."
        )
        % {"library": ref.machine_name, "version": version},
        path=f"{ref.folder}/library.json",
        code="library-not-installed",
    )


def _newer_than_installed(shipped: H5PLibrary, library: H5PLibrary) -> H5PPackageError:
    return H5PPackageError(
        _(
            "Ce paquet apporte la bibliothèque « %(library)s %(version)s », plus "
            "récente que la version installée (%(installed)s) : seul un "
            "administrateur peut la mettre à jour, en important ce paquet."
        )
        % {
            "library": shipped.machine_name,
            "version": version_of(shipped),
            "installed": version_of(library),
        },
        path=f"{shipped.folder}/library.json",
        code="library-newer-than-installed",
    )
