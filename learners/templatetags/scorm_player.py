"""The SCORM block on a lesson page: the learner's place in each SCO."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.scorm.blocks import ScormCompletionRule, ScormRules
from learners.selectors.scorm import scorm_block_result, scorm_sco_statuses

register = template.Library()


@register.inclusion_tag("courses/scorm/player.html", takes_context=True)
def scorm_player(context, value, block_id):
    request, page = context["request"], context.get("page")
    package, user = value["package"], request.user
    live_lesson = page is not None and not getattr(request, "is_preview", False)
    learner = user.is_authenticated and live_lesson and bool(block_id)
    if learner:
        statuses = scorm_sco_statuses(
            user=user, lesson_id=page.pk, block_id=block_id, package_id=package.pk
        )
    else:
        statuses = scorm_sco_statuses(
            user=None, lesson_id=None, block_id="", package_id=package.pk
        )
    options = {
        "title": _("Contenu SCORM : %(title)s") % {"title": package.title},
        "launchUrl": reverse("scorm_launch"),
        "commitUrl": reverse("scorm_commit"),
        "preview": not learner,
        "lesson": page.pk if learner else None,
        "block": block_id if learner else None,
        "mail": user.email if learner else "",
        "scos": [
            {"id": s.sco.pk, "title": s.sco.title, "completion": s.completion_status}
            for s in statuses
        ],
    }
    done = (
        learner
        and scorm_block_result(
            user=user,
            lesson_id=page.pk,
            rules=ScormRules(
                block_id=block_id,
                package_id=package.pk,
                completion_rule=value["completion_rule"],
                pass_threshold=value["pass_threshold"],
            ),
        ).complete
    )
    return {
        "package": package,
        "statuses": statuses,
        "options": options,
        "options_id": f"scorm-{block_id or package.pk}-options",
        "started": any(s.completion_status != "not attempted" for s in statuses),
        "done": done,
        "pass_threshold": value["pass_threshold"]
        if value["completion_rule"] == ScormCompletionRule.SCORE
        else None,
    }
