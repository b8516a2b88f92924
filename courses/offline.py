"""What a module needs to be opened and played with no connection.

A plain read of the module's published lessons: their addresses, their
images (a small rendition, also stored under the address the lesson page
shows, so the page finds it offline), and for each H5P exercise the files of
its content and libraries on the player's origin. Nothing here knows the
learner: who may download a module, and the launches that let the exercises
count, are the caller's (``learners.views.offline``). See docs/offline.md.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static

from courses import player
from courses.models import H5PContent, LessonPage

# Small enough for a slow link, large enough to read a diagram on a phone.
IMAGE_FILTER = "max-800x600"

# What the player page loads from the static files besides the libraries
# (courses/templates/courses/h5p/player.html, courses.views.player_page) and
# the fonts h5p.css uses for its icons and text.
PLAYER_STATIC = (
    "courses/h5p-storage.js",
    "courses/h5p-frame.js",
    "vendor/h5p-standalone/dist/main.bundle.js",
    "vendor/h5p-standalone/dist/frame.bundle.js",
    "vendor/h5p-standalone/dist/styles/h5p.css",
    "vendor/h5p-standalone/dist/fonts/h5p-core-30.woff2",
    "vendor/h5p-standalone/dist/fonts/h5p-theme.woff2",
    "vendor/h5p-standalone/dist/images/throbber.gif",
)
# Library files the player never asks for: sources merged into the bundles,
# the editor's semantics and the translations (``content.json`` arrives
# already translated).
LIBRARY_SKIPPED_SUFFIXES = (".js", ".css", ".json", ".md", ".txt", ".map")
# Font formats no current browser picks when a style sheet offers WOFF or
# WOFF2 beside them (libraries ship all of them; FontAwesome's SVG font
# alone is 400 KB).
OLD_FONT_SUFFIXES = (".eot", ".otf", ".ttf")


def _kept_library_file(path: str) -> bool:
    lower = path.lower()
    if lower.endswith(LIBRARY_SKIPPED_SUFFIXES + OLD_FONT_SUFFIXES):
        return False
    return not (lower.endswith(".svg") and "font" in lower)


@dataclass(frozen=True)
class OfflineImage:
    url: str  # the small rendition, what is downloaded
    shown_as: tuple[str, ...]  # where the lesson page shows the same image


@dataclass(frozen=True)
class OfflineExercise:
    lesson_id: int
    block_id: str
    content_id: int


@dataclass(frozen=True)
class ModuleOffline:
    module_id: int
    pages: list[str]  # the module page, then its lessons, site-relative
    images: list[OfflineImage]
    exercises: list[OfflineExercise]
    # Paths on the player's origin (the player pages themselves carry the
    # embedding site's origin and come with the launches).
    player_files: list[str] = field(default_factory=list)


def _images(lesson) -> list[OfflineImage]:
    images = []
    for block in lesson.body:
        if block.block_type != "image" or block.value is None:
            continue
        image = block.value
        small = image.get_rendition(IMAGE_FILTER).url
        shown = image.get_rendition("original").url
        images.append(OfflineImage(url=small, shown_as=(shown,)))
    return images


def _exercises(lesson) -> list[OfflineExercise]:
    return [
        OfflineExercise(
            lesson_id=lesson.pk,
            block_id=child["id"],
            content_id=child["value"]["content"],
        )
        for child in lesson.body.raw_data
        if child.get("type") == "h5p"
        and isinstance((child.get("value") or {}).get("content"), int)
    ]


def _content_files(content, language: str) -> list[str]:
    key = player.content_key(content.pk)
    base = f"/h5p/lecteur/{content.pk}/{key}"
    files = [f"{base}/h5p.json", f"{base}/{language}/content/content.json"]
    files += [f"{base}/{language}/content/{path}" for path in content.files]
    return files


def _library_files(libraries) -> list[str]:
    root = player.libraries_path(libraries)
    files = []
    for library in sorted(libraries, key=lambda library: library.folder):
        base = f"{root}/{library.folder}"
        files.append(f"{base}/library.json")
        bundled = player.bundled_library_json(library.library_json, library.files)
        for key in ("preloadedJs", "preloadedCss"):
            files += [f"{base}/{item['path']}" for item in bundled.get(key) or []]
        files += [
            f"{base}/{path}" for path in library.files if _kept_library_file(path)
        ]
    return files


def module_offline(*, module, language: str, request=None) -> ModuleOffline:
    """Everything ``module`` (a published module page) needs offline, in
    ``language``: its page and published lessons, their images and the
    player files of their exercises."""
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    exercises = [exercise for lesson in lessons for exercise in _exercises(lesson)]
    contents = H5PContent.objects.filter(
        pk__in={exercise.content_id for exercise in exercises}
    ).prefetch_related("libraries")
    player_files = [static(path) for path in PLAYER_STATIC] if exercises else []
    for content in contents.order_by("pk"):
        player_files += _content_files(content, language)
        player_files += _library_files(list(content.libraries.all()))
    return ModuleOffline(
        module_id=module.pk,
        pages=[module.get_url(request)]
        + [lesson.get_url(request) for lesson in lessons],
        images=[image for lesson in lessons for image in _images(lesson)],
        exercises=exercises,
        player_files=list(dict.fromkeys(player_files)),
    )
