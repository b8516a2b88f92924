"""Give H5P exercises the libraries' own French strings.

A content type's interface strings ("Check", "Retry"…) live in content.json
with English defaults from its ``semantics.json``. Where the author kept a
default and the library ships ``language/fr.json``, the learner gets the
library's French wording instead.
"""

import copy


def _translation(library, language):
    translations = library.translations or {}
    for code in (language.lower(), language.split("-")[0].lower()):
        if code in translations:
            return translations[code].get("semantics", [])
    return None


def _walk_field(value, field, translated, libraries, language):
    kind = field.get("type")
    if kind == "text" and "default" in translated and value == field.get("default"):
        return translated["default"]
    if kind == "group" and "fields" in field:
        children = field["fields"]
        if len(children) == 1 and not isinstance(value, dict):
            wrapped = {children[0]["name"]: value}
            return _walk(
                wrapped, children, translated.get("fields", []), libraries, language
            )[children[0]["name"]]
        if isinstance(value, dict):
            return _walk(
                value, children, translated.get("fields", []), libraries, language
            )
    if kind == "list" and isinstance(value, list) and "field" in field:
        item = translated.get("field", {})
        return [
            _walk_field(v, field["field"], item, libraries, language) for v in value
        ]
    if kind == "library" and isinstance(value, dict):
        return _sub_content(value, libraries, language)
    return value


def _walk(params, fields, translations, libraries, language):
    for index, field in enumerate(fields):
        name = field.get("name")
        if name in params:
            translated = translations[index] if index < len(translations) else {}
            params[name] = _walk_field(
                params[name], field, translated or {}, libraries, language
            )
    return params


def _sub_content(value, libraries, language):
    library = libraries.get(str(value.get("library", "")))
    if library is None or not isinstance(value.get("params"), dict):
        return value
    translations = _translation(library, language)
    if translations is None or not library.semantics:
        return value
    value["params"] = _walk(
        value["params"], library.semantics, translations, libraries, language
    )
    return value


def content_localized(content, language: str) -> dict:
    """content.json for a learner reading in ``language`` (e.g. ``fr-ca``)."""
    params = copy.deepcopy(content.content_json)
    if not language or language.startswith("en"):
        return params
    libraries = {
        f"{lib.machine_name} {lib.major_version}.{lib.minor_version}": lib
        for lib in content.libraries.all()
    }
    main = content.main_library
    wrapper = {
        "library": f"{main.machine_name} {main.major_version}.{main.minor_version}",
        "params": params,
    }
    return _sub_content(wrapper, libraries, language)["params"]
