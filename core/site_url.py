"""Absolute URLs for what leaves the site: e-mails, calendars, QR codes.

Production names its public address (``WAGTAILADMIN_BASE_URL``). Where it is
not set (development), a link follows the address the site was reached at
(``make run HOST=…``, another port, a LAN address), read from the request
being served; work done outside a request (a Celery worker) falls back on the
setting's default.
"""

from contextvars import ContextVar

from django.conf import settings

_request_origin = ContextVar("virage_request_origin", default=None)


def absolute_url(path: str) -> str:
    origin = _request_origin.get() if settings.VIRAGE_BASE_URL_FROM_REQUEST else None
    return (origin or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


class RequestOriginMiddleware:
    """Remembers the origin of the request being served for ``absolute_url``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_origin.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
