"""Serve H5P content to the player (h5p-standalone) through Django's storage,
so the same code works with the file system and an S3-compatible store."""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from courses.h5p_l10n import content_localized
from courses.models import H5PContent
from courses.selectors import h5p_library_by_folder


def _stream(path):
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "image/svg+xml":
        response["Content-Security-Policy"] = "script-src 'none'; sandbox"
    return response


def _safe(path):
    clean = posixpath.normpath(path)
    if clean.startswith(("/", "..")) or "\\" in path:
        raise Http404
    return clean


@require_GET
@login_required
def h5p_json(request, pk):
    return JsonResponse(get_object_or_404(H5PContent, pk=pk).h5p_json)


@require_GET
@login_required
def content_json(request, pk):
    content = get_object_or_404(
        H5PContent.objects.select_related("main_library"), pk=pk
    )
    return JsonResponse(content_localized(content, get_language()))


@require_GET
@login_required
def content_file(request, pk, path):
    content = get_object_or_404(H5PContent, pk=pk)
    path = _safe(path)
    if path not in content.files:
        raise Http404
    return _stream(content.storage_path(f"content/{path}"))


@require_GET
@cache_control(public=True, max_age=3600)
def library_file(request, folder, path):
    library = h5p_library_by_folder(folder)
    path = _safe(path)
    if library is None:
        raise Http404
    if path == "library.json":
        return JsonResponse(library.library_json)
    if path not in library.files:
        raise Http404
    return _stream(library.storage_path(path))


def library_root(request):
    raise Http404
