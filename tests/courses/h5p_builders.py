"""Build small .h5p packages in memory for the package reader's tests."""

import io
import json
import zipfile

MAIN = "H5P.Sample-1.0"
CHILD = "H5P.Child-1.0"
SUB_CONTENT_ID = "f4e153ab-9205-422a-bf73-9eb6ab6f559e"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def ref(machine_name: str, major: int = 1, minor: int = 0) -> dict:
    return {"machineName": machine_name, "majorVersion": major, "minorVersion": minor}


def library_json(machine_name: str, major: int = 1, minor: int = 0, **fields):
    return {
        "title": machine_name.removeprefix("H5P."),
        "machineName": machine_name,
        "majorVersion": major,
        "minorVersion": minor,
        "patchVersion": 3,
        "runnable": 0,
        **fields,
    }


MAIN_SEMANTICS = [
    {"name": "question", "type": "text", "tags": ["strong", "em", "a"]},
    {"name": "plain", "type": "text", "maxLength": 20},
    {
        "name": "choice",
        "type": "select",
        "options": [{"value": "a"}, {"value": "b"}],
        "default": "a",
    },
    {"name": "score", "type": "number", "min": 0, "max": 10},
    {"name": "shuffle", "type": "boolean", "default": False},
    {"name": "media", "type": "library", "options": ["H5P.Child 1.0"]},
    {"name": "image", "type": "image"},
    {
        "name": "ranges",
        "type": "group",
        "fields": [
            {
                "name": "ranges",
                "type": "list",
                "field": {
                    "name": "range",
                    "type": "group",
                    "fields": [
                        {"name": "from", "type": "number", "min": 0, "max": 100},
                        {"name": "feedback", "type": "text"},
                    ],
                },
            }
        ],
    },
]
CHILD_SEMANTICS = [
    {"name": "caption", "type": "text", "tags": ["em"]},
    {"name": "alt", "type": "text"},
]
CONTENT = {
    "question": "<p>Bonjour <strong>monde</strong></p>",
    "plain": "Bonjour",
    "choice": "b",
    "score": 5,
    "shuffle": True,
    "media": {
        "library": "H5P.Child 1.0",
        "params": {"caption": "<em>Légende</em>", "alt": "Une photo"},
        "subContentId": SUB_CONTENT_ID,
    },
    "image": {"path": "images/photo.png", "mime": "image/png", "width": 8},
    "ranges": [{"from": 0, "feedback": "Bravo"}],
}


def package_files() -> dict[str, object]:
    """A small valid package: path -> bytes, text, or JSON-able value."""
    return {
        "h5p.json": {
            "title": "Exemple",
            "language": "fr",
            "mainLibrary": "H5P.Sample",
            "embedTypes": ["div"],
            "license": "CC BY",
            "authors": [{"name": "Équipe Virage", "role": "Author"}],
            "preloadedDependencies": [ref("H5P.Sample"), ref("H5P.Child")],
        },
        "content/content.json": CONTENT,
        "content/images/photo.png": PNG,
        f"{MAIN}/library.json": library_json(
            "H5P.Sample",
            runnable=1,
            preloadedJs=[{"path": "scripts/sample.js"}],
            preloadedCss=[{"path": "styles/sample.css"}],
            preloadedDependencies=[ref("H5P.Child")],
            editorDependencies=[ref("H5PEditor.Absent")],
        ),
        f"{MAIN}/semantics.json": MAIN_SEMANTICS,
        f"{MAIN}/scripts/sample.js": "H5P.Sample = function () {};",
        f"{MAIN}/styles/sample.css": ".h5p-sample { color: #333; }",
        f"{MAIN}/language/fr.json": {"semantics": []},
        f"{CHILD}/library.json": library_json("H5P.Child"),
        f"{CHILD}/semantics.json": CHILD_SEMANTICS,
    }


def with_content(**params) -> dict[str, object]:
    """The sample package with ``params`` merged into content.json."""
    files = package_files()
    files["content/content.json"] = {**CONTENT, **params}
    return files


def build(files: dict, *, compression: int = zipfile.ZIP_DEFLATED) -> io.BytesIO:
    """A zip of ``files``; a key may be a ``ZipInfo`` to control the entry."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, value in files.items():
            archive.writestr(name, _as_bytes(value))
    buffer.seek(0)
    return buffer


def _as_bytes(value) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    return json.dumps(value).encode()
