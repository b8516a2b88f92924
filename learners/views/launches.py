"""``/h5p/lancements``: pressing "Commencer" on an exercise.

The lesson page asks here, with the learner's session and CSRF token, for a
launch (bound to the learner, lesson, block and content, short-lived) and the
address of the sandboxed player on its own origin. Only statements carrying
that launch can complete the block (``learners.services.launches``)."""

import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import H5PContent
from courses.player import player_page_url
from learners import services
from learners.selectors.accounts import staff_member
from learners.services.launches import LaunchRefused


def _refusal(message, status):
    return JsonResponse({"error": message}, status=status)


def _request(request):
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        data = None
    return data if isinstance(data, dict) else None


def _player_url(request, content_id):
    return player_page_url(
        content_pk=content_id,
        language=get_language(),
        parent_origin=f"{request.scheme}://{request.get_host()}",
    )


def _preview(request, data):
    """Staff previewing a content or a draft lesson: the player, no launch,
    nothing recorded."""
    if not staff_member(user=request.user):
        return _refusal(_("L'aperçu est réservé à l'équipe de formation."), 403)
    content_id = data.get("content")
    if not isinstance(content_id, int) or isinstance(content_id, bool):
        return _refusal(_("Contenu H5P manquant."), 400)
    content = get_object_or_404(H5PContent, pk=content_id)
    return JsonResponse(
        {"launch": None, "player_url": _player_url(request, content.pk)}
    )


@require_POST
def launch_open(request):
    if not request.user.is_authenticated:
        return _refusal(_("Connectez-vous pour faire cet exercice."), 401)
    data = _request(request)
    if data is None:
        return _refusal(_("Le corps de la requête n'est pas du JSON valide."), 400)
    if data.get("preview") is True:
        return _preview(request, data)
    lesson_id, block_id = data.get("lesson"), data.get("block")
    if not isinstance(lesson_id, int) or isinstance(lesson_id, bool):
        return _refusal(_("Leçon manquante."), 400)
    if not isinstance(block_id, str) or not 0 < len(block_id) <= 64:
        return _refusal(_("Bloc manquant."), 400)
    try:
        launch = services.h5p_launch_open(
            user=request.user, lesson_id=lesson_id, block_id=block_id
        )
    except LaunchRefused as refusal:
        return _refusal(refusal.message, refusal.status)
    return JsonResponse(
        {
            "launch": str(launch.pk),
            "expires": launch.expires_at.isoformat(),
            "player_url": _player_url(request, launch.content_id),
        },
        status=201,
    )
