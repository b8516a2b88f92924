"""SCORM on the player's origin (``courses.player_urls`` only): the wrapper
page that provides the API objects for one SCO, and the package's files.

A SCO is third-party code that must find ``API`` / ``API_1484_11`` in a
parent window of its own origin: the wrapper (frame of the lesson page) holds
the runtime and loads the SCO in a frame of its own, both on the player's
origin, which holds nothing of the site. The wrapper hands every commit to
the lesson page by ``postMessage``; the lesson page stores it with the
learner's session.
"""

import posixpath

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from courses import player
from courses.files import stored_file_response
from courses.models import ScormPackage, ScormSco
from courses.scorm.player import files_base, package_key_valid


def _package(pk, key) -> ScormPackage:
    if not package_key_valid(pk, key):
        raise Http404
    return get_object_or_404(ScormPackage, pk=pk)


@require_GET
@xframe_options_exempt
def wrapper_page(request, pk, key, sco_pk):
    package = _package(pk, key)
    sco = get_object_or_404(ScormSco, pk=sco_pk, package=package)
    parent = request.GET.get("parent", "")
    if not player.site_origin_valid(parent):
        raise Http404
    response = render(
        request,
        "courses/scorm/wrapper.html",
        {
            "package": package,
            "sco": sco,
            "bridge": {
                "parent": parent,
                "version": package.version,
                "scoUrl": files_base(package.pk) + sco.href,
                "runtime": static("vendor/scorm-again/dist/scorm-again.min.js"),
            },
        },
    )
    response["Content-Security-Policy"] = wrapper_policy(parent)
    response["Referrer-Policy"] = "no-referrer"
    return response


def wrapper_policy(parent):
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "frame-src 'self'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            f"frame-ancestors {parent}",
        ]
    )


# Authoring tools' players need inline scripts, eval and inline styles; a SCO
# reaches nothing outside the player's origin, where nothing is worth taking.
PACKAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "worker-src 'self' blob:",
        "form-action 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


@require_GET
@xframe_options_exempt
def package_file(request, pk, key, path):
    package = _package(pk, key)
    clean = posixpath.normpath(path)
    if clean not in package.files:
        raise Http404
    response = stored_file_response(request, package.storage_path(clean))
    if response.status_code in (200, 206):
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600)
        response["Cache-Control"] += ", immutable"
    response["Content-Security-Policy"] = PACKAGE_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response
