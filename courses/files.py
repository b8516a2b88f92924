"""Stored files sent to the browser: whole, or the byte range a video player
asks for, read in chunks from Django storage (local disk or S3)."""

import mimetypes
import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse

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


class FilePart:
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


def stored_file_response(request, path):
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
        part = FilePart(default_storage.open(path), last - first + 1)
        try:
            part.handle.seek(first)
        except Exception:
            part.close()
            raise
        response = StreamingHttpResponse(part, status=206, content_type=content_type)
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


# Hosted video, its captions and audio: a player seeks by byte ranges.
RANGE_SERVED_TYPES = ("video/", "audio/", "text/vtt")


def served_by_ranges(document) -> bool:
    """A lesson's hosted video (or its captions) kept on this server's disk:
    sent with byte ranges, where Wagtail's own view sends the whole file again
    at each seek. Not another document, nor a file on S3 (which answers
    ranges itself: Wagtail redirects there)."""
    content_type = mimetypes.guess_type(document.file.name)[0] or ""
    if not content_type.startswith(RANGE_SERVED_TYPES):
        return False
    try:
        document.file.storage.path(document.file.name)
    except NotImplementedError:
        return False
    return True
