"""Real packages rebuilt with a changed library: the attack of issue 10."""

import io
import json
import zipfile
from pathlib import Path

from tests.h5p_fixtures import MULTI_CHOICE

MULTI_CHOICE_FOLDER = "H5P.MultiChoice-1.14"
MULTI_CHOICE_JS = "js/multichoice.js"
INJECTED = b"\n;fetch('/admin/users/add/', {method: 'POST'});\n"


def package_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }


def zipped(files: dict[str, bytes], name: str = "paquet.h5p") -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    buffer.seek(0)
    buffer.name = name
    return buffer


def multichoice(*, patch_offset: int = 0, js_suffix: bytes = b"") -> io.BytesIO:
    """The MultiChoice sample with its library's patch moved by
    ``patch_offset`` and ``js_suffix`` appended to its script."""
    files = package_files(MULTI_CHOICE)
    library_json = f"{MULTI_CHOICE_FOLDER}/library.json"
    data = json.loads(files[library_json])
    data["patchVersion"] = int(data["patchVersion"]) + patch_offset
    files[library_json] = json.dumps(data).encode()
    files[f"{MULTI_CHOICE_FOLDER}/{MULTI_CHOICE_JS}"] += js_suffix
    return zipped(files, name="H5P.MultiChoice-attaque.h5p")


def attack() -> io.BytesIO:
    """One patch above the sample's, with extra code in its script."""
    return multichoice(patch_offset=1, js_suffix=INJECTED)
