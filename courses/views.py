"""Serve H5P content to the player (h5p-standalone) through Django's storage,
so the same code works with the file system and an S3-compatible store."""

import mimetypes
import posixpath
import re

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from courses.h5p_l10n import content_localized
from courses.models import H5PContent
from courses.selectors import h5p_library_by_folder

CHUNK = 64 * 1024
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class RangeNotSatisfiable(Exception):
    pass


def byte_range(header, size):
    """The ``(first, last)`` bytes a single-range ``Range`` header asks for,
    or ``None`` to send the whole file (no header, another unit, several
    ranges, or a header that does not parse: RFC 9110 says to ignore those).
    Raises ``RangeNotSatisfiable`` when the range lies past the end of the
    file (an empty file satisfies no range)."""
    match = RANGE.fullmatch(header.strip()) if header else None
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if not first:  # the final N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        raise RangeNotSatisfiable
    end = int(last) if last else size - 1
    if end < start:
        return None
    return start, min(end, size - 1)


class _Part:
    """``length`` bytes of an open file, read in chunks; closing it (which
    the response does, read or not) closes the file."""

    def __init__(self, handle, length):
        self.handle, self.length = handle, length

    def __iter__(self):
        remaining = self.length
        while remaining > 0:
            data = self.handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data

    def close(self):
        self.handle.close()


def _stream(request, path):
    """A stored file, with byte ranges so a video can be sought and resumed
    without downloading it again (a slow rural line is the common case)."""
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    size = default_storage.size(path)
    try:
        wanted = byte_range(request.headers.get("Range"), size)
    except RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if wanted is None:
        response = FileResponse(default_storage.open(path), content_type=content_type)
    else:
        first, last = wanted
        part = _Part(default_storage.open(path), last - first + 1)
        try:
            part.handle.seek(first)
        except Exception:
            part.close()
            raise
        response = StreamingHttpResponse(part, status=206, content_type=content_type)
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
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
    return _stream(request, content.storage_path(f"content/{path}"))


@require_GET
def library_file(request, folder, path):
    """Library files are the same for every content: shared caches may keep
    them for an hour (not a refusal, though)."""
    library = h5p_library_by_folder(folder)
    path = _safe(path)
    if library is None:
        raise Http404
    if path == "library.json":
        response = JsonResponse(library.library_json)
    elif path in library.files:
        response = _stream(request, library.storage_path(path))
    else:
        raise Http404
    if response.status_code in (200, 206):
        patch_cache_control(response, public=True, max_age=3600)
    return response


def library_root(request):
    raise Http404
