"""h5p.json, library.json and dependency rules of ``H5PValidator``."""

import json
import math
import re
from collections import deque
from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.h5p.archive import H5P_JSON
from courses.h5p.errors import H5PPackageError
from courses.h5p.library import MACHINE_NAME, H5PLibrary, LibraryRef
from courses.h5p.metadata import LICENSES, is_web_url

LANGUAGE_CODE = re.compile(r"^[-a-zA-Z]{1,10}$")
LANGUAGE_FILE = re.compile(r"^-?[a-z]+(-[a-z]+){0,6}\.json$", re.IGNORECASE)
VERSION = re.compile(r"^[0-9]{1,5}$")
YEAR = re.compile(r"^-?[0-9]{1,4}$")
EMBED_TYPES = frozenset({"div", "iframe"})
METADATA_FIELDS = (
    "title",
    "license",
    "licenseVersion",
    "yearFrom",
    "yearTo",
    "source",
    "authors",
    "changes",
    "licenseExtras",
    "authorComments",
    "defaultLanguage",
)


def _version(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**5:
        return value
    if isinstance(value, str) and VERSION.match(value):
        return int(value)
    return None


def _ref(item) -> LibraryRef | None:
    if not isinstance(item, dict):
        return None
    name = item.get("machineName")
    major = _version(item.get("majorVersion"))
    minor = _version(item.get("minorVersion"))
    if not isinstance(name, str) or not MACHINE_NAME.match(name):
        return None
    if major is None or minor is None:
        return None
    return LibraryRef(name, major, minor)


def _texts(keys):
    def check(value) -> bool:
        return isinstance(value, list) and all(
            isinstance(item, dict)
            and all(isinstance(item.get(key, ""), str) for key in keys)
            for item in value
        )

    return check


def _is_title(value) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= 255


def _matches(pattern: re.Pattern) -> Callable:
    return lambda value: isinstance(value, str) and pattern.match(value) is not None


def _is_year(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and YEAR.match(value) is not None
    )


def _is_embed_types(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, str) and item in EMBED_TYPES for item in value
    )


def _is_assets(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and isinstance(item.get("path"), str) for item in value
    )


TITLE = (_is_title, gettext_lazy("un texte non vide d'au plus 255 caractères"))
TEXT = (lambda value: isinstance(value, str), gettext_lazy("un texte"))
MACHINE = (_matches(MACHINE_NAME), gettext_lazy("un nom machine comme « H5P.Image »"))
LANGUAGE = (_matches(LANGUAGE_CODE), gettext_lazy("un code de langue comme « fr »"))
NUMBER = (lambda value: _version(value) is not None, gettext_lazy("un entier positif"))
BINARY = (lambda value: value in (0, 1, "0", "1"), gettext_lazy("0 ou 1"))
REFS = (
    lambda value: isinstance(value, list) and all(_ref(item) for item in value),
    gettext_lazy("une liste de {machineName, majorVersion, minorVersion}"),
)
EMBEDS = (_is_embed_types, gettext_lazy("une liste parmi « div » et « iframe »"))
SOME_EMBEDS = (
    lambda value: _is_embed_types(value) and bool(value),
    gettext_lazy("une liste non vide parmi « div » et « iframe »"),
)
ASSETS = (_is_assets, gettext_lazy("une liste de fichiers {path}"))
LICENSE = (lambda value: value in LICENSES, gettext_lazy("une licence H5P (U, CC BY…)"))
YEARS = (_is_year, gettext_lazy("une année"))
AUTHORS = (_texts(("name", "role")), gettext_lazy("une liste de {name, role}"))
CHANGES = (_texts(("date", "author", "log")), gettext_lazy("une liste de {date, log}"))

H5P_JSON_FIELDS = (
    ("title", TITLE, True),
    ("language", LANGUAGE, True),
    ("mainLibrary", MACHINE, True),
    ("embedTypes", SOME_EMBEDS, True),
    ("preloadedDependencies", REFS, True),
    ("dynamicDependencies", REFS, False),
    ("license", LICENSE, False),
    ("licenseVersion", TEXT, False),
    ("yearFrom", YEARS, False),
    ("yearTo", YEARS, False),
    ("source", TEXT, False),
    ("authors", AUTHORS, False),
    ("changes", CHANGES, False),
    ("licenseExtras", TEXT, False),
    ("authorComments", TEXT, False),
    ("defaultLanguage", TEXT, False),
)
LIBRARY_JSON_FIELDS = (
    ("title", TITLE, True),
    ("machineName", MACHINE, True),
    ("majorVersion", NUMBER, True),
    ("minorVersion", NUMBER, True),
    ("patchVersion", NUMBER, True),
    ("runnable", BINARY, True),
    ("preloadedJs", ASSETS, False),
    ("preloadedCss", ASSETS, False),
    ("preloadedDependencies", REFS, False),
    ("dynamicDependencies", REFS, False),
    ("editorDependencies", REFS, False),
    ("embedTypes", EMBEDS, False),
    ("fullscreen", BINARY, False),
)


def parse_json(data: bytes, path: str, kind: type = dict):
    """Decode ``data`` as UTF-8 JSON holding a ``kind`` (dict or list)."""
    try:
        value = json.loads(
            data.decode("utf-8-sig"),
            parse_constant=_no_constant,
            parse_float=_finite_float,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise H5PPackageError(
            _("Le fichier « %(path)s » n'est pas un JSON valide.") % {"path": path},
            path=path,
            code="invalid-json",
        ) from exc
    if not isinstance(value, kind):
        message = (
            _("Le fichier « %(path)s » doit contenir un objet JSON.")
            if kind is dict
            else _("Le fichier « %(path)s » doit contenir une liste JSON.")
        )
        raise H5PPackageError(message % {"path": path}, path=path, code="invalid-json")
    return value


def load_json(files: dict[str, bytes], path: str, kind: type = dict):
    if path not in files:
        raise H5PPackageError(
            _("Le fichier « %(path)s » est absent du paquet.") % {"path": path},
            path=path,
            code="missing-file",
        )
    return parse_json(files[path], path, kind)


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    """Refuse ``1e400``: infinities cannot be stored back as JSON."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def check_fields(data: dict, path: str, fields) -> None:
    """Apply a ``(name, (predicate, expected), required)`` schema to ``data``."""
    for name, (predicate, expected), required in fields:
        value = data.get(name)
        if value is None and required:
            raise H5PPackageError(
                _("Le champ obligatoire « %(field)s » est absent de « %(path)s ».")
                % {"field": name, "path": path},
                path=path,
                code="missing-field",
            )
        if value is not None and not predicate(value):
            raise H5PPackageError(
                _(
                    "Le champ « %(field)s » de « %(path)s » est invalide : "
                    "%(expected)s attendu."
                )
                % {"field": name, "path": path, "expected": expected},
                path=path,
                code="invalid-field",
            )


def refs(data: dict, name: str) -> tuple[LibraryRef, ...]:
    """The references listed under ``name``, already checked by ``check_fields``."""
    return tuple(_ref(item) for item in data.get(name) or ())


def validate_h5p_json(files: dict[str, bytes]):
    """Return ``(h5p_json, main_library, preloaded_dependencies)``."""
    data = load_json(files, H5P_JSON)
    check_fields(data, H5P_JSON, H5P_JSON_FIELDS)
    if "source" in data and not is_web_url(data["source"]):
        # The player shows it as a link in the copyright dialog: a
        # ``javascript:`` or ``data:`` URL there would run on a click.
        del data["source"]
    dependencies = refs(data, "preloadedDependencies")
    for ref in dependencies:
        if ref.machine_name == data["mainLibrary"]:
            return data, ref, dependencies
    raise H5PPackageError(
        _(
            "La bibliothèque principale « %(library)s » ne figure pas dans les "
            "dépendances (preloadedDependencies) de « h5p.json »."
        )
        % {"library": data["mainLibrary"]},
        path=H5P_JSON,
        code="invalid-field",
    )


def metadata_of(h5p_json: dict) -> dict:
    return {key: h5p_json[key] for key in METADATA_FIELDS if key in h5p_json}


class LibraryLookup:
    """Libraries shipped in the package first, then those already installed."""

    def __init__(self, shipped, installed: Callable[[LibraryRef], H5PLibrary | None]):
        self._found = {library.ref: library for library in shipped}
        self._installed = installed

    def get(self, ref: LibraryRef) -> H5PLibrary | None:
        if ref not in self._found:
            self._found[ref] = self._installed(ref)
        return self._found[ref]

    def semantics(self, ref: LibraryRef) -> list | None:
        library = self.get(ref)
        return library.semantics if library is not None else None


def check_dependencies(roots, lookup: LibraryLookup) -> None:
    """Every root and, transitively, its preloaded dependencies must be found."""
    pending = deque((ref, None) for ref in roots)
    seen = set()
    while pending:
        ref, parent = pending.popleft()
        if ref in seen:
            continue
        seen.add(ref)
        library = lookup.get(ref)
        if library is None:
            raise H5PPackageError(
                _("Bibliothèque manquante : « %(library)s » (requise par %(parent)s).")
                % {"library": ref, "parent": parent or H5P_JSON},
                path=f"{parent.folder}/library.json" if parent else H5P_JSON,
                code="missing-library",
            )
        pending.extend(
            (dependency, ref) for dependency in library.preloaded_dependencies
        )
