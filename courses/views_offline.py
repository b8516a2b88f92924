"""The service workers that keep modules for offline use (docs/offline.md),
one per origin: the site's (``/sw.js``: pages, static files, images, the
launches kept for offline exercises) and the H5P player's (``/sw.js`` on the
player's host: the player page, contents and libraries), and the small page
on the player's origin through which a module page stores the player files.

A worker script is a few lines written here (its settings, then
``importScripts`` of Workbox from npm and of our static scripts), served at
the root of its origin so its scope is the whole origin, never cached by
the browser's HTTP cache (a new version is picked up at the next visit)."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from courses import player

WORKBOX = (
    "vendor/workbox-core/build/workbox-core.prod.js",
    "vendor/workbox-routing/build/workbox-routing.prod.js",
    "vendor/workbox-strategies/build/workbox-strategies.prod.js",
)
# Every cache this feature writes starts with this name (one per module and
# origin, plus the shell and the static files); the workers and the pages
# read the same names.
CACHE_PREFIX = "virage-"


def _worker(config: dict, scripts: list[str]) -> HttpResponse:
    urls = [static(path) for path in (*WORKBOX, *scripts)]
    source = (
        f"self.VIRAGE_OFFLINE = {json.dumps(config, ensure_ascii=False)};\n"
        f"importScripts({', '.join(json.dumps(url) for url in urls)});\n"
    )
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


def _dashboards() -> list[str]:
    """ "Mon parcours" in every language: the app shell kept from browsing."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("learners:dashboard"))
    return list(dict.fromkeys(paths))


@require_GET
def site_worker(request):
    """The site's service worker (``cms.urls``)."""
    return _worker(
        {
            "prefix": CACHE_PREFIX,
            "dashboards": _dashboards(),
            "offline": _(
                "Vous êtes hors ligne et cette page n'a pas été téléchargée sur "
                "cet appareil."
            ),
            "launchOffline": _(
                "Vous êtes hors ligne : téléchargez ce module sur cet appareil "
                "pour faire ses exercices sans connexion."
            ),
            "launchExpired": _(
                "Le téléchargement de ce module a expiré : reconnectez-vous à "
                "Internet et téléchargez-le de nouveau pour faire cet exercice."
            ),
        },
        ["courses/offline/outbox.js", "courses/offline/site-sw.js"],
    )


@require_GET
def player_worker(request):
    """The player origin's service worker (``courses.player_urls``)."""
    response = _worker({"prefix": CACHE_PREFIX}, ["courses/offline/player-sw.js"])
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_GET
@xframe_options_exempt
def player_store_page(request):
    """A page on the player's origin, framed by a module page, that registers
    the player's worker and stores (or removes) a module's player files in
    that origin's caches. It serves nothing but its own script: the files to
    store come from the module page, which got them from the manifest."""
    parent = request.GET.get("parent", "")
    if not player.site_origin_valid(parent):
        raise Http404
    config = {"parent": parent, "worker": "/sw.js", "prefix": CACHE_PREFIX}
    response = HttpResponse(
        format_html(
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            "<title>Virage</title></head><body>{}"
            '<script src="{}"></script></body></html>',
            json_script(config, "offline-store"),
            static("courses/offline/player-store.js"),
        )
    )
    response["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {parent}",
        ]
    )
    response["Referrer-Policy"] = "no-referrer"
    add_never_cache_headers(response)
    return response
