"""``/scorm/lancements`` and ``/scorm/validations``: the lesson page, with the
learner's session and CSRF token, opens a launch of one SCO and posts what
the SCO commits (relayed from the player's origin by ``postMessage``)."""

import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import ScormSco
from courses.scorm.cmi import CmiError
from courses.scorm.player import wrapper_url
from learners.selectors.accounts import staff_member
from learners.services.scorm import (
    ScormRefused,
    scorm_commit,
    scorm_launch_open,
)

MAX_BODY = 1024 * 1024


def _refusal(message, status, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def _body(request):
    """JSON, or a form's ``payload`` field (a beacon sent as the page is left,
    with the CSRF token in the form)."""
    if request.content_type in (
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ):
        raw = request.POST.get("payload", "")
    else:
        raw = request.body
    if len(raw) > MAX_BODY:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _parent(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _preview(request, data):
    """Staff previewing a package: the player, no launch, nothing recorded."""
    if not staff_member(user=request.user):
        return _refusal(_("L'aperçu est réservé à l'équipe de formation."), 403)
    if not _int(data.get("sco")):
        return _refusal(_("Élément SCORM manquant."), 400)
    sco = get_object_or_404(ScormSco.objects.select_related("package"), pk=data["sco"])
    return JsonResponse(
        {
            "launch": None,
            "version": sco.package.version,
            "player_url": wrapper_url(
                package_pk=sco.package_id, sco_pk=sco.pk, parent_origin=_parent(request)
            ),
            "cmi": {},
        }
    )


@require_POST
def launch_open(request):
    if not request.user.is_authenticated:
        return _refusal(_("Connectez-vous pour suivre ce contenu."), 401)
    data = _body(request)
    if data is None:
        return _refusal(_("Le corps de la requête n'est pas du JSON valide."), 400)
    if data.get("preview") is True:
        return _preview(request, data)
    lesson_id, block_id, sco_id = data.get("lesson"), data.get("block"), data.get("sco")
    if not _int(lesson_id) or not _int(sco_id):
        return _refusal(_("Leçon ou élément SCORM manquant."), 400)
    if not isinstance(block_id, str) or not 0 < len(block_id) <= 64:
        return _refusal(_("Bloc manquant."), 400)
    try:
        launch, cmi = scorm_launch_open(
            user=request.user, lesson_id=lesson_id, block_id=block_id, sco_id=sco_id
        )
    except ScormRefused as refusal:
        return _refusal(refusal.message, refusal.status)
    return JsonResponse(
        {
            "launch": str(launch.pk),
            "sequence": launch.last_sequence,
            "version": launch.package.version,
            "player_url": wrapper_url(
                package_pk=launch.package_id,
                sco_pk=launch.sco_id,
                parent_origin=_parent(request),
            ),
            "cmi": cmi,
        }
    )


@require_POST
def commit(request):
    if not request.user.is_authenticated:
        return _refusal(_("Connectez-vous pour suivre ce contenu."), 401)
    data = _body(request)
    if data is None:
        return _refusal(_("Le corps de la requête n'est pas du JSON valide."), 400)
    try:
        attempt = scorm_commit(
            user=request.user,
            launch_id=data.get("launch"),
            sequence=data.get("sequence"),
            data=data.get("cmi"),
        )
    except CmiError as error:
        return _refusal(
            error.message, 400, scorm_error=error.scorm_error, element=error.element
        )
    except ScormRefused as refusal:
        return _refusal(refusal.message, refusal.status)
    return JsonResponse(
        {
            "result": True,
            "completion_status": attempt.completion_status,
            "success_status": attempt.success_status,
        }
    )
