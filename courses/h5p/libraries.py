"""Library folders of a package: library.json, semantics, translations."""

from django.utils.translation import gettext as _

from courses.h5p.archive import CONTENT_DIR
from courses.h5p.errors import H5PPackageError
from courses.h5p.library import MACHINE_NAME, H5PLibrary, LibraryRef
from courses.h5p.validate import (
    LANGUAGE_FILE,
    LIBRARY_JSON_FIELDS,
    check_fields,
    parse_json,
    refs,
)


def read_libraries(files: dict[str, bytes]) -> tuple[H5PLibrary, ...]:
    """Every top-level folder but ``content/``, each read as a library."""
    folders: dict[str, dict[str, bytes]] = {}
    for path, data in files.items():
        folder, slash, inner = path.partition("/")
        if slash and f"{folder}/" != CONTENT_DIR:
            folders.setdefault(folder, {})[inner] = data
    return tuple(read_library(name, folders[name]) for name in sorted(folders))


def read_library(folder: str, files: dict[str, bytes]) -> H5PLibrary:
    """Validate the library in ``folder``; ``files`` are relative to it."""
    if not MACHINE_NAME.match(folder):
        raise _folder_error(
            _("Nom de dossier de bibliothèque invalide : « %(folder)s »."), folder
        )
    if "library.json" not in files:
        raise _folder_error(
            _(
                "Le dossier « %(folder)s » n'a pas de fichier « library.json » : ce "
                "n'est pas une bibliothèque H5P."
            ),
            folder,
        )
    data = parse_json(files["library.json"], f"{folder}/library.json")
    check_fields(data, f"{folder}/library.json", LIBRARY_JSON_FIELDS)
    major, minor = int(data["majorVersion"]), int(data["minorVersion"])
    expected = LibraryRef(data["machineName"], major, minor).folder
    if folder != expected:
        raise _folder_error(
            _(
                "Le dossier « %(folder)s » devrait s'appeler « %(expected)s » "
                "d'après son library.json."
            ),
            folder,
            expected=expected,
        )
    library = _library(folder, data, files)
    _check_assets(library, folder)
    return library


def _library(folder: str, data: dict, files: dict[str, bytes]) -> H5PLibrary:
    semantics = None
    if "semantics.json" in files:
        semantics = parse_json(
            files["semantics.json"], f"{folder}/semantics.json", list
        )
    return H5PLibrary(
        machine_name=data["machineName"],
        major=int(data["majorVersion"]),
        minor=int(data["minorVersion"]),
        patch=int(data["patchVersion"]),
        title=data["title"],
        runnable=bool(int(data["runnable"])),
        preloaded_js=_asset_paths(data, "preloadedJs"),
        preloaded_css=_asset_paths(data, "preloadedCss"),
        preloaded_dependencies=refs(data, "preloadedDependencies"),
        dynamic_dependencies=refs(data, "dynamicDependencies"),
        editor_dependencies=refs(data, "editorDependencies"),
        semantics=semantics,
        library_json=data,
        language_files=_language_files(folder, files),
        files=files,
    )


def _asset_paths(data: dict, key: str) -> tuple[str, ...]:
    """Paths as H5P resolves them: backslashes become slashes, no leading slash."""
    return tuple(
        item["path"].replace("\\", "/").lstrip("/") for item in data.get(key) or ()
    )


def _check_assets(library: H5PLibrary, folder: str) -> None:
    for key, paths, suffix in (
        ("preloadedJs", library.preloaded_js, ".js"),
        ("preloadedCss", library.preloaded_css, ".css"),
    ):
        for path in paths:
            if not path.lower().endswith(suffix) or ".." in path.split("/"):
                raise _folder_error(
                    _(
                        "Le fichier « %(file)s » déclaré dans « %(key)s » de "
                        "« %(folder)s/library.json » est invalide."
                    ),
                    folder,
                    file=path,
                    key=key,
                )
            if path not in library.files:
                raise _folder_error(
                    _(
                        "Le fichier « %(folder)s/%(file)s » déclaré dans "
                        "« %(folder)s/library.json » est absent du paquet."
                    ),
                    folder,
                    file=path,
                )


def _language_files(folder: str, files: dict[str, bytes]) -> dict[str, dict]:
    languages = {}
    for path in sorted(files):
        directory, _slash, name = path.partition("/")
        if directory != "language" or "/" in name:
            continue
        full_path = f"{folder}/{path}"
        if not LANGUAGE_FILE.match(name):
            raise H5PPackageError(
                _("Fichier de traduction mal nommé : « %(path)s ».")
                % {"path": full_path},
                path=full_path,
                code="invalid-language-file",
            )
        languages[name.split(".")[0]] = parse_json(files[path], full_path)
    return languages


def _folder_error(message: str, folder: str, **params) -> H5PPackageError:
    path = f"{folder}/library.json"
    return H5PPackageError(
        message % {"folder": folder, **params}, path=path, code="invalid-library"
    )
