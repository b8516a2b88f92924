"""Reading and validating H5P packages, with no database.

``read_package`` opens an .h5p file, applies the rules of H5P's own PHP
validator (``H5PValidator`` and ``H5PContentValidator``) and returns an
``H5PPackage`` whose content is sanitised and ready to store.
"""

from courses.h5p.archive import Limits
from courses.h5p.errors import H5PPackageError
from courses.h5p.library import H5PLibrary, LibraryRef
from courses.h5p.package import H5PPackage, read_package
from courses.h5p.trust import (
    FileChanges,
    file_changes,
    file_hashes,
    files_sha256,
    version_of,
)
from courses.h5p.warnings import content_warnings

__all__ = [
    "FileChanges",
    "H5PLibrary",
    "H5PPackage",
    "H5PPackageError",
    "LibraryRef",
    "Limits",
    "content_warnings",
    "file_changes",
    "file_hashes",
    "files_sha256",
    "read_package",
    "version_of",
]
