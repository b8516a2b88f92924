"""Title and description from the manifest's LOM metadata, inline or in the
file ``adlcp:location`` names."""

import posixpath

from courses.scorm.xml import child, local_name, parse_xml, text_of

MAX_DESCRIPTION = 2000


def read_metadata(root, files: dict[str, bytes]) -> dict:
    metadata = child(root, "metadata")
    if metadata is None:
        return {}
    lom = child(metadata, "lom")
    location = text_of(child(metadata, "location"))
    if lom is None and location:
        path = posixpath.normpath(location)
        if path in files:
            lom = parse_xml(files[path], path)
    found = {"schema": text_of(child(metadata, "schema"))}
    if lom is not None:
        general = child(lom, "general")
        if general is not None:
            found["title"] = _lang_string(child(general, "title"))
            found["description"] = _lang_string(child(general, "description"))[
                :MAX_DESCRIPTION
            ]
    return {key: value for key, value in found.items() if value}


def _lang_string(element) -> str:
    """LOM strings: ``<string>`` (2004) or ``<langstring>`` (1.2)."""
    if element is None:
        return ""
    for node in element.iter():
        if local_name(node) in ("string", "langstring") and text_of(node):
            return text_of(node)
    return text_of(element)
