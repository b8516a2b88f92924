"""What an author should know about a package that was accepted.

Nothing here refuses a package: these are the things that make an exercise
play badly for a Québec learner (media from another site, an interface left
in English, an image a screen reader cannot describe).
"""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from courses.h5p.metadata import is_web_url

IMAGE_LIBRARY = "H5P.Image "


def content_warnings(
    *, content: dict, libraries: Iterable[tuple[str, Iterable[str]]]
) -> list[str]:
    """Translated warnings for a content's ``content.json`` (parsed) and the
    libraries it uses, given as (name, language codes of its translations)."""
    warnings = [
        _(
            "Média chargé depuis un autre site : %(url)s. Les personnes "
            "apprenantes risquent de ne pas pouvoir le lire ; intégrez le "
            "fichier au paquet."
        )
        % {"url": url}
        for url in _unique(_outside_media(content))
    ]
    warnings += [
        _(
            "La bibliothèque %(library)s n'a pas de traduction française : "
            "son interface s'affichera en anglais."
        )
        % {"library": name}
        for name, languages in libraries
        if _lacks_french(languages)
    ]
    warnings += [
        _("Image sans texte de remplacement : %(path)s.") % {"path": path}
        for path in _unique(_images_without_alt(content))
    ]
    return warnings


def _walk(value) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return
    for child in children:
        yield from _walk(child)


def _outside_media(content) -> Iterator[str]:
    for node in _walk(content):
        if is_web_url(node.get("path")):
            yield node["path"]


def _images_without_alt(content) -> Iterator[str]:
    for node in _walk(content):
        library = node.get("library")
        params = node.get("params")
        if not (isinstance(library, str) and library.startswith(IMAGE_LIBRARY)):
            continue
        if not isinstance(params, dict) or str(params.get("alt") or "").strip():
            continue
        file = params.get("file")
        path = file.get("path") if isinstance(file, dict) else None
        yield path or library


def _lacks_french(languages) -> bool:
    """A library that ships translations but none in French. One without any
    language file has no interface strings to translate."""
    codes = [code.lower() for code in languages if code]
    return bool(codes) and not any(code.split("-")[0] == "fr" for code in codes)


def _unique(items) -> list:
    return list(dict.fromkeys(items))
