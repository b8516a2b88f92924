"""Template tags through which course pages show a learner's own state."""

from django import template
from django.urls import reverse

from courses.selectors import h5p_player_options
from learners import services

register = template.Library()


def _learner_options(request, content, lesson_id, block_id):
    user = request.user
    activity = reverse("xapi_activity", args=[content.pk, lesson_id, block_id])
    state_url = reverse(
        "h5p_user_data", args=[content.pk, lesson_id, block_id, "DATATYPE", "SUBID"]
    )
    options = {
        "xAPIObjectIRI": request.build_absolute_uri(activity),
        "user": {"name": user.get_full_name() or user.email, "mail": user.email},
        "saveFreq": 10,
        "ajax": {
            "contentUserDataUrl": state_url.replace("DATATYPE", ":dataType").replace(
                "SUBID", ":subContentId"
            )
        },
    }
    state = services.h5p_state_get(
        user=user, content_id=content.pk, lesson_id=lesson_id, block_id=block_id
    )
    if state:
        # H5P core reads contentUserData[subContentId][dataType] synchronously
        # when it builds the exercise: the state must be here, not fetched.
        options["contentUserData"] = [{"state": state}]
    return options


@register.inclusion_tag("learners/h5p_player.html", takes_context=True)
def h5p_player(context, value, block_id):
    """An H5P block: a light launcher; the player loads when opened."""
    request, page = context["request"], context.get("page")
    content = value["content"]
    options = h5p_player_options(content=content, request=request)
    options["id"] = f"{content.pk}-{block_id}"
    result = None
    if request.user.is_authenticated and page is not None and block_id:
        options.update(_learner_options(request, content, page.pk, block_id))
        result = services.h5p_block_result(
            user=request.user,
            lesson_id=page.pk,
            block_id=block_id,
            grading_method=value["grading_method"],
            completion_rule=value["completion_rule"],
            pass_threshold=value["pass_threshold"],
        )
    return {
        "content": content,
        "options": options,
        "element_id": f"h5p-{block_id or content.pk}",
        "options_id": f"h5p-{block_id or content.pk}-options",
        "percent": round(result.score * 100)
        if result and result.score is not None
        else None,
        "result": result,
        "block": value,
    }
