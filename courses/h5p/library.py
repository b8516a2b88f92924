import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from courses.h5p.errors import H5PPackageError

MACHINE_NAME = re.compile(r"^[\w\-.]{1,255}$", re.ASCII)
_REF_TEXT = re.compile(r"^([\w\-.]{1,255}) ([0-9]{1,5})\.([0-9]{1,5})$", re.ASCII)


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"

    @classmethod
    def parse(cls, text: str) -> "LibraryRef":
        """Read ``"H5P.TrueFalse 1.6"``, the form content.json uses."""
        match = _REF_TEXT.match(text) if isinstance(text, str) else None
        if match is None:
            raise H5PPackageError(
                _("Référence de bibliothèque invalide : « %(value)s ».")
                % {"value": text},
                code="invalid-library-ref",
            )
        return cls(match[1], int(match[2]), int(match[3]))


@dataclass(frozen=True)
class H5PLibrary:
    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    preloaded_js: tuple[str, ...]
    preloaded_css: tuple[str, ...]
    preloaded_dependencies: tuple[LibraryRef, ...]
    dynamic_dependencies: tuple[LibraryRef, ...]
    editor_dependencies: tuple[LibraryRef, ...]
    semantics: list | None
    library_json: dict
    language_files: dict[str, dict]
    files: dict[str, bytes]

    @property
    def ref(self) -> LibraryRef:
        return LibraryRef(self.machine_name, self.major, self.minor)

    @property
    def folder(self) -> str:
        return self.ref.folder
