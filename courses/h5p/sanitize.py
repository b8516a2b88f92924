"""Filter content.json against library semantics, as ``H5PContentValidator``.

Values a field's semantics do not allow are repaired or dropped, never
refused: only a structurally broken ``library`` reference raises. Parameters
of a library whose semantics are unknown (neither shipped nor installed)
cannot be typed; every string in them is still scrubbed of scripts, embeds,
``on*`` handlers and script URLs (see ``markup.scrub_markup``).
"""

import re
from collections.abc import Callable
from functools import partial

from django.utils.translation import gettext as _

from courses.h5p import scalars
from courses.h5p.archive import CONTENT_JSON
from courses.h5p.errors import H5PPackageError
from courses.h5p.library import LibraryRef
from courses.h5p.markup import escape_text, scrub_markup
from courses.h5p.metadata import (
    COPYRIGHT_SEMANTICS,
    METADATA_SEMANTICS,
    is_web_url,
)

SUB_CONTENT_ID = re.compile(
    r"^\{?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\}?$"
)
# H5PCore::$relativePathRegExp: files copied from another content's folder.
OTHER_CONTENT_PATH = re.compile(r"^((\.\./){1,2})(.*content/)?(\d+|editor)/(.+)$")
# Characters that could close an HTML attribute a player builds from a path.
UNSAFE_PATH = re.compile(r"[\"'<>\\\x00-\x1f\x7f]")

IMAGE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp", "image/tiff"}
    | {"image/webp"}
)
VIDEO_TYPES = frozenset(
    {"video/mp4", "video/webm", "video/ogg", "video/youtube", "video/vimeo"}
    | {"video/panopto"}
)
AUDIO_TYPES = frozenset(
    {"audio/mpeg", "audio/mp3", "audio/mp4", "audio/m4a", "audio/x-m4a", "audio/ogg"}
    | {"audio/wav", "audio/x-wav", "audio/wave", "audio/webm"}
)
DOCUMENT_TYPES = frozenset(
    {"application/pdf", "application/rtf", "text/plain", "text/csv", "text/markdown"}
    | {"text/vtt", "application/msword", "application/vnd.ms-excel"}
    | {"application/vnd.ms-powerpoint", "model/gltf+json", "model/gltf-binary"}
    | {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    | {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    | {"application/vnd.openxmlformats-officedocument.presentationml.presentation"}
    | {"application/vnd.oasis.opendocument.text"}
    | {"application/vnd.oasis.opendocument.spreadsheet"}
    | {"application/vnd.oasis.opendocument.presentation"}
)
# Per kind of file field: allowed MIME types, then keys kept beside path/mime.
FILE_KINDS = {
    "file": (IMAGE_TYPES | VIDEO_TYPES | AUDIO_TYPES | DOCUMENT_TYPES, ()),
    "image": (IMAGE_TYPES, ("width", "height", "originalImage")),
    "original": (IMAGE_TYPES, ("width", "height")),
    "video": (VIDEO_TYPES, ("width", "height", "codecs", "quality", "bitrate")),
    "audio": (AUDIO_TYPES, ()),
}


def sanitize_content(
    content: dict,
    main: LibraryRef,
    semantics_for: Callable[[LibraryRef], list | None],
    content_files,
) -> dict:
    """``content`` filtered by ``main``'s semantics, recursively.

    ``content_files`` holds the paths (relative to content/) a file field may
    point to.
    """
    sanitizer = _Sanitizer(semantics_for, frozenset(content_files))
    try:
        return sanitizer.params(content, main)
    except RecursionError as exc:
        raise H5PPackageError(
            _("Le fichier « %(path)s » est trop profondément imbriqué.")
            % {"path": CONTENT_JSON},
            path=CONTENT_JSON,
            code="invalid-content",
        ) from exc


def scrub(value):
    """Scrub every string nested in ``value`` (semantics unknown)."""
    if isinstance(value, str):
        return scrub_markup(value)
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    return value


class _Sanitizer:
    def __init__(self, semantics_for, content_files: frozenset[str]):
        self._semantics_for = semantics_for
        self._content_files = content_files
        self._types = {
            "text": scalars.text,
            "url": self._url,
            "number": scalars.number,
            "boolean": scalars.boolean,
            "select": scalars.select,
            "list": self._list,
            "group": self._group,
            "library": self._library,
            "file": partial(self._file, kind="file"),
            "image": partial(self._file, kind="image"),
            "video": partial(self._variants, kind="video"),
            "audio": partial(self._variants, kind="audio"),
        }

    def field(self, value, semantics):
        """The cleaned value, or None when the field must be dropped."""
        kind = semantics.get("type") if isinstance(semantics, dict) else None
        validate = self._types.get(kind) if isinstance(kind, str) else None
        return None if validate is None else validate(value, semantics)

    def params(self, params, ref: LibraryRef) -> dict:
        params = params if isinstance(params, dict) else {}
        semantics = self._semantics_for(ref)
        if not isinstance(semantics, list):
            return scrub(params)
        return self._group(params, {"fields": semantics}, flatten=False)

    def _group(self, value, semantics, flatten=True):
        fields = _fields(semantics)
        sub_content = semantics.get("isSubContent") is True
        if flatten and len(fields) == 1 and not sub_content:
            # The editor saves a one-field group as that field's bare value.
            return self.field(value, fields[0])
        if not isinstance(value, dict):
            return None
        by_name = {field["name"]: field for field in fields}
        clean = {}
        for key, item in value.items():
            if key == "subContentId" and sub_content:
                item = item if _is_sub_content_id(item) else None
            else:
                item = self.field(item, by_name.get(key))
            if item is not None:
                clean[key] = item
        return clean

    def _list(self, value, semantics):
        item_semantics = semantics.get("field")
        if not isinstance(value, list) or not isinstance(item_semantics, dict):
            return None
        maximum = scalars.as_number(semantics.get("max"))
        if isinstance(maximum, int) and maximum >= 0:
            value = value[:maximum]
        items = (self.field(item, item_semantics) for item in value)
        return [item for item in items if item is not None] or None

    def _library(self, value, semantics):
        name = value.get("library") if isinstance(value, dict) else None
        if name is None or name == "":
            return None
        ref = _parse_library(name)
        if name not in _library_options(semantics):
            return None
        clean = {"library": name, "params": self.params(value.get("params"), ref)}
        if isinstance(value.get("metadata"), dict):
            metadata = {"license": "U", **value["metadata"]}
            clean["metadata"] = self._group(metadata, METADATA_SEMANTICS, flatten=False)
        if _is_sub_content_id(value.get("subContentId")):
            clean["subContentId"] = value["subContentId"]
        return _with_extras(clean, value, semantics)

    def _file(self, value, semantics, kind):
        if not isinstance(value, dict):
            return None
        path = self._path(value.get("path"))
        if path is None:
            return None
        mime_types, keys = FILE_KINDS[kind]
        clean = {"path": path}
        mime = value.get("mime")
        if isinstance(mime, str) and mime.lower() in mime_types:
            clean["mime"] = mime
        clean.update(_file_details(value, keys))
        if "originalImage" in keys and "originalImage" in value:
            original = self._file(value["originalImage"], {}, "original")
            if original is not None:
                clean["originalImage"] = original
        if "copyright" in value:
            copyright_ = self._group(value["copyright"], COPYRIGHT_SEMANTICS)
            if copyright_ is not None:
                clean["copyright"] = copyright_
        return _with_extras(clean, value, semantics)

    def _variants(self, value, semantics, kind):
        if not isinstance(value, list):
            return None
        variants = (self._file(item, semantics, kind) for item in value)
        return [item for item in variants if item is not None] or None

    def _url(self, value, semantics):
        """Text that is an http(s) URL (metadata ``source``), else dropped."""
        text = scalars.text(value, semantics)
        return text if is_web_url(text) else None

    def _path(self, path) -> str | None:
        """A file in the package's content/ or an http(s) URL, else None."""
        if not isinstance(path, str):
            return None
        match = OTHER_CONTENT_PATH.match(path)
        path = match[5] if match else path
        path = path.removesuffix("#tmp")
        if UNSAFE_PATH.search(path):
            return None
        if is_web_url(path) or path in self._content_files:
            return path
        return None


def _fields(semantics) -> list[dict]:
    fields = semantics.get("fields") if isinstance(semantics, dict) else None
    if not isinstance(fields, list):
        return []
    return [f for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)]


def _is_sub_content_id(value) -> bool:
    return isinstance(value, str) and SUB_CONTENT_ID.match(value) is not None


def _parse_library(name) -> LibraryRef:
    try:
        return LibraryRef.parse(name)
    except H5PPackageError as exc:
        raise H5PPackageError(
            _("Valeur de bibliothèque invalide dans « %(path)s » : « %(value)s ».")
            % {"path": CONTENT_JSON, "value": name},
            path=CONTENT_JSON,
            code="invalid-content",
        ) from exc


def _library_options(semantics) -> set[str]:
    options = semantics.get("options")
    names = set()
    for option in options if isinstance(options, list) else ():
        name = option.get("name") if isinstance(option, dict) else option
        if isinstance(name, str):
            names.add(name)
    return names


def _with_extras(clean: dict, value: dict, semantics) -> dict:
    """Add the ``extraAttributes`` the semantics allow, scrubbed."""
    extras = semantics.get("extraAttributes")
    for key in extras if isinstance(extras, list) else ():
        if isinstance(key, str) and key in value and key not in clean:
            clean[key] = scrub(value[key])
    return clean


def _file_details(value: dict, keys) -> dict:
    details = {
        key: scalars.as_int(value[key])
        for key in ("width", "height", "bitrate")
        if key in keys and key in value
    }
    if "codecs" in keys and isinstance(value.get("codecs"), str):
        details["codecs"] = escape_text(value["codecs"])
    quality = value.get("quality") if "quality" in keys else None
    if isinstance(quality, dict) and {"level", "label"} <= quality.keys():
        label = quality["label"] if isinstance(quality["label"], str) else ""
        details["quality"] = {
            "level": scalars.as_int(quality["level"]),
            "label": escape_text(label),
        }
    return details
