"""Reading and validating SCORM 1.2 and 2004 packages, with no database.

``read_package`` opens a zip, checks it as safely as an H5P package
(``courses.h5p``), parses ``imsmanifest.xml`` with nothing resolved and
returns a ``ScormPackage``: its version, the items to launch and the files.
"""

from courses.scorm.archive import Limits
from courses.scorm.errors import ScormPackageError
from courses.scorm.manifest import (
    SCORM_12,
    SCORM_2004_2,
    SCORM_2004_3,
    SCORM_2004_4,
    VERSION_LABELS,
    ScormItem,
)
from courses.scorm.package import ScormPackage, read_package

__all__ = [
    "SCORM_12",
    "SCORM_2004_2",
    "SCORM_2004_3",
    "SCORM_2004_4",
    "VERSION_LABELS",
    "Limits",
    "ScormItem",
    "ScormPackage",
    "ScormPackageError",
    "read_package",
]
