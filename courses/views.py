"""The H5P player's origin (``courses.player``): its page, and the content
and library files it reads, through Django's storage so the same code works
with the file system and an S3-compatible store. Only ``courses.player_urls``
routes here, on the player's host."""

import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from courses import player
from courses.files import stored_file_response
from courses.h5p_l10n import content_localized
from courses.models import H5PContent
from courses.selectors import h5p_library_by_folder


def _safe(path):
    clean = posixpath.normpath(path)
    if clean.startswith(("/", "..")) or "\\" in path:
        raise Http404
    return clean


def _content(pk, key):
    """The content behind a player URL; a wrong key is a plain 404."""
    if not player.content_key_valid(pk, key):
        raise Http404
    return get_object_or_404(H5PContent.objects.select_related("main_library"), pk=pk)


def _language(code):
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _untrusted(response):
    """Package and library files are third-party code and data: opened as a
    document, they can do nothing (no script, no plugin, no request)."""
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _immutable(response):
    """Player URLs change with what they serve (key per content, folder per
    library patch): once sent, a file may be kept for a year."""
    if response.status_code in (200, 206):
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600)
        response["Cache-Control"] += ", immutable"
    return _untrusted(response)


@require_GET
@xframe_options_exempt
def player_page(request, pk, key):
    """The page inside the lesson's sandboxed iframe: h5p-standalone and the
    bridge that talks to the lesson page. It carries no learner data: the
    parent sends the learner's name and saved state once the frame is ready."""
    content = _content(pk, key)
    parent = request.GET.get("parent", "")
    if not player.site_origin_valid(parent):
        raise Http404
    language = _language(request.GET.get("langue", ""))
    base = f"/h5p/lecteur/{pk}/{key}"
    options = {
        "id": str(content.pk),
        "h5pJsonPath": base,
        "contentJsonPath": f"{base}/{language}/content",
        "librariesPath": player.libraries_path(content.libraries.all()),
        "frameJs": static("vendor/h5p-standalone/dist/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/dist/styles/h5p.css"),
        "frame": True,
        "copyright": True,
        "export": False,
        "embed": False,
        "icon": False,
        "fullScreen": True,
        # H5P core restores a saved state only when saving is on; the bridge
        # hands every save to the lesson page, so this URL is never called.
        "saveFreq": 10,
        "ajax": {"contentUserDataUrl": f"{base}/etat/:dataType/:subContentId"},
    }
    response = render(
        request,
        "courses/h5p/player.html",
        {
            "content": content,
            "language": language,
            "bridge": {
                "parent": parent,
                "options": options,
                "storageJs": static("courses/h5p-storage.js"),
            },
        },
    )
    response["Content-Security-Policy"] = player_policy(parent)
    response["Referrer-Policy"] = "no-referrer"
    return response


def player_policy(parent):
    """H5P libraries use inline styles and, some of them, inline scripts and
    eval: they are allowed here because nothing on this origin is worth
    stealing; what matters is that nothing leaves it (connect, form and
    navigation stay on the player's own origin) and only the site frames it."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "form-action 'none'",
            "base-uri 'self'",
            "object-src 'none'",
            f"frame-ancestors {parent}",
        ]
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def user_data_sink(request, pk, key, data_type, sub_content_id):
    """Where H5P core believes it saves its state. The bridge hands every
    save to the lesson page, which stores it with the learner's session; a
    request that still arrives here (before the bridge took over) carries no
    learner and stores nothing."""
    return JsonResponse({"success": True, "data": False})


@require_GET
def h5p_json(request, pk, key):
    return _immutable(JsonResponse(_content(pk, key).h5p_json))


@require_GET
def content_json(request, pk, key, language):
    content = _content(pk, key)
    localized = content_localized(content, _language(language))
    return _immutable(JsonResponse(localized))


@require_GET
def content_file(request, pk, key, language, path):
    content = _content(pk, key)
    path = _safe(path)
    if path not in content.files:
        raise Http404
    return _immutable(
        stored_file_response(request, content.storage_path(f"content/{path}"))
    )


@require_GET
def library_file(request, folder, path):
    """Library files are the same for every content, and public software:
    shared caches may keep them for an hour (a newer patch keeps the folder
    name, so not for good)."""
    library = h5p_library_by_folder(folder)
    path = _safe(path)
    if library is None:
        raise Http404
    if path == "library.json":
        response = JsonResponse(library.library_json)
    elif path in library.files:
        response = stored_file_response(request, library.storage_path(path))
    else:
        raise Http404
    if response.status_code in (200, 206):
        patch_cache_control(response, public=True, max_age=3600)
    return _untrusted(response)


@require_GET
def library_file_versioned(request, token, folder, path):
    """Library files under a versioned path (``courses.player``): kept for
    good, and each library's scripts and styles come as one bundle each."""
    library = h5p_library_by_folder(folder)
    path = _safe(path)
    if library is None:
        raise Http404
    if path == "library.json":
        bundled = player.bundled_library_json(library.library_json, library.files)
        return _immutable(JsonResponse(bundled))
    if path in (player.BUNDLE_JS, player.BUNDLE_CSS) and path not in library.files:
        return _immutable(_library_bundle(library, path))
    if path not in library.files:
        raise Http404
    return _immutable(stored_file_response(request, library.storage_path(path)))


def _library_bundle(library, name):
    """A library's bundle, built from its files at first use and kept in the
    storage beside them (a new patch has a new folder, so a new bundle)."""
    content_type = "text/javascript" if name == player.BUNDLE_JS else "text/css"
    stored = library.storage_path(f".virage/{library.files_sha256[:12]}-{name}")
    if default_storage.exists(stored):
        return FileResponse(default_storage.open(stored), content_type=content_type)
    sources = {}
    for path in player.bundle_sources(library.library_json, name):
        path = _safe(path)
        if path in library.files:
            with default_storage.open(library.storage_path(path)) as handle:
                sources[path] = handle.read()
    data = player.bundle(name, sources)
    saved = default_storage.save(stored, ContentFile(data))
    if saved != stored:  # built at the same moment by another request
        default_storage.delete(saved)
    return HttpResponse(data, content_type=f"{content_type}; charset=utf-8")


def library_root(request):
    raise Http404
