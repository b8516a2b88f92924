"""``/hors-ligne/modules/<id>``: what the module page downloads when the
learner presses "Disponible hors ligne" (docs/offline.md).

The list of files is the module's (``courses.offline``); what is the
learner's is only this: whether they may play the module's exercises
(enrolled in its path, or staff: the rule of "Commencer") and one launch per
exercise, opened now, so an exercise started offline counts when its
statements reach the server (within ``H5P_LAUNCH_TTL_SECONDS``)."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from courses import player
from courses.models import ModulePage
from courses.offline import module_offline
from learners import services
from learners.selectors.h5p import h5p_may_play
from learners.services.launches import LaunchRefused


def _refusal(message, status):
    return JsonResponse({"error": message}, status=status)


def _language(request):
    code = request.GET.get("langue", "")
    languages = dict(translation.trans_real.get_languages())
    return code if code in languages else translation.get_language()


@require_GET
@never_cache
def module_manifest(request, module_id):
    if not request.user.is_authenticated:
        return _refusal(_("Connectez-vous pour télécharger ce module."), 401)
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        return _refusal(_("Ce module n'existe pas."), 404)
    if not h5p_may_play(user=request.user, lesson=module):
        return _refusal(
            _("Inscrivez-vous au parcours de ce module pour le télécharger."), 403
        )
    language = _language(request)
    site = f"{request.scheme}://{request.get_host()}"
    with translation.override(language):
        shell = reverse("learners:dashboard")
        offline = module_offline(module=module, language=language, request=request)
        launches = []
        for exercise in offline.exercises:
            try:
                launch = services.h5p_launch_open(
                    user=request.user,
                    lesson_id=exercise.lesson_id,
                    block_id=exercise.block_id,
                )
            except LaunchRefused:
                continue  # changed since the lessons were read: left online-only
            launches.append(
                {
                    "lesson": exercise.lesson_id,
                    "block": exercise.block_id,
                    "launch": str(launch.pk),
                    "expires": launch.expires_at.isoformat(),
                    "player_url": player.player_page_url(
                        content_pk=launch.content_id,
                        language=language,
                        parent_origin=site,
                    ),
                }
            )
    return JsonResponse(
        {
            "module": offline.module_id,
            "title": module.title,
            "pages": offline.pages,
            "shell": shell,
            "images": [
                {"url": image.url, "shown_as": list(image.shown_as)}
                for image in offline.images
            ],
            "launches": launches,
            "player": {
                "origin": player.player_origin(),
                "store": f"{player.player_origin()}/h5p/hors-ligne/?"
                + urlencode({"parent": site}),
                "files": offline.player_files
                + [launch["player_url"] for launch in launches],
            },
        }
    )
