"""System checks for what would silently undo the H5P isolation."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=False)
def h5p_player_origin_check(app_configs, **kwargs):
    origin = urlsplit(settings.H5P_PLAYER_ORIGIN)
    if origin.scheme not in ("http", "https") or not origin.hostname or origin.path:
        return [
            Error(
                "H5P_PLAYER_ORIGIN must be an origin such as https://h5p.example.org.",
                id="virage.E001",
            )
        ]
    site = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if origin.netloc.lower() == site.netloc.lower():
        return [
            Error(
                "H5P_PLAYER_ORIGIN is the site's own origin: H5P code would run "
                "with the learners' session.",
                hint="Serve the player on another host name (docs/security.md).",
                id="virage.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def h5p_player_origin_https_check(app_configs, **kwargs):
    if urlsplit(settings.H5P_PLAYER_ORIGIN).scheme != "https":
        return [
            Warning("H5P_PLAYER_ORIGIN is not served over HTTPS.", id="virage.W001")
        ]
    return []


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is per process: sessions' cache, rate limits and "
                "lockouts are not shared between web processes.",
                hint="Set CACHE_URL=redis://… (docs/deployment.md).",
                id="virage.W002",
            )
        ]
    return []
