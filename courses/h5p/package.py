"""Read an .h5p file into an ``H5PPackage``: the one entry point."""

from collections.abc import Callable
from dataclasses import dataclass

from courses.h5p.archive import CONTENT_DIR, CONTENT_JSON, Limits, read_archive
from courses.h5p.libraries import read_libraries
from courses.h5p.library import H5PLibrary, LibraryRef
from courses.h5p.sanitize import sanitize_content
from courses.h5p.svg import clean_svg
from courses.h5p.trust import check_installed
from courses.h5p.validate import (
    LibraryLookup,
    check_dependencies,
    load_json,
    metadata_of,
    validate_h5p_json,
)

DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class H5PPackage:
    title: str
    language: str
    main_library: LibraryRef
    embed_types: tuple[str, ...]
    preloaded_dependencies: tuple[LibraryRef, ...]
    metadata: dict
    h5p_json: dict
    content: dict
    content_files: dict[str, bytes]
    libraries: tuple[H5PLibrary, ...]


def _nothing_installed(ref: LibraryRef) -> H5PLibrary | None:
    return None


def read_package(
    source,
    *,
    installed: Callable[[LibraryRef], H5PLibrary | None] = _nothing_installed,
    limits: Limits = DEFAULT_LIMITS,
    use_shipped_libraries: bool = True,
) -> H5PPackage:
    """Check and sanitise the package at ``source`` (a path or binary file).

    Raises ``H5PPackageError`` at the first refusal; nothing is returned
    unless the whole package passed. ``installed`` supplies the libraries the
    platform already has, for dependencies the package does not ship.
    ``metadata`` and ``title`` are returned as written in h5p.json: escape
    them where they are displayed.

    With ``use_shipped_libraries`` false (an uploader who may not install
    libraries), the package's library folders are still read and checked and
    returned, but the content is checked and sanitised against ``installed``
    only: the libraries it will run on. A library it needs that is not
    installed, or installed at an older patch than shipped, refuses it.
    """
    files = _clean_svgs(read_archive(source, limits))
    h5p_json, main, dependencies = validate_h5p_json(files)
    content = load_json(files, CONTENT_JSON)
    libraries = read_libraries(files)
    if use_shipped_libraries:
        lookup = LibraryLookup(libraries, installed)
    else:
        check_installed((main, *dependencies), libraries, installed)
        lookup = LibraryLookup((), installed)
    check_dependencies(dependencies, lookup)
    content_files = {
        path.removeprefix(CONTENT_DIR): data
        for path, data in files.items()
        if path.startswith(CONTENT_DIR) and path != CONTENT_JSON
    }
    return H5PPackage(
        title=h5p_json["title"],
        language=h5p_json["language"],
        main_library=main,
        embed_types=tuple(h5p_json["embedTypes"]),
        preloaded_dependencies=dependencies,
        metadata=metadata_of(h5p_json),
        h5p_json=h5p_json,
        content=sanitize_content(content, main, lookup.semantics, content_files),
        content_files=content_files,
        libraries=libraries,
    )


def _clean_svgs(files: dict[str, bytes]) -> dict[str, bytes]:
    return {
        path: clean_svg(data, path) if path.lower().endswith(".svg") else data
        for path, data in files.items()
    }
