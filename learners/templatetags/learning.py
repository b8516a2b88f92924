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


@register.inclusion_tag("learners/path_panel.html", takes_context=True)
def path_learner_panel(context, path):
    """On a path page: enrol, or the learner's progress and where to resume."""
    from learners.models import Enrolment
    from learners.selectors import path_progress

    request = context["request"]
    data = {"path": path, "request": request, "user": request.user}
    if request.user.is_authenticated:
        data["enrolled"] = Enrolment.objects.filter(
            user=request.user, path=path
        ).exists()
        data["progress"] = path_progress(user=request.user, path=path)
        data["csrf_token"] = context.get("csrf_token")
    return data


@register.inclusion_tag("learners/lesson_navigation.html", takes_context=True)
def lesson_navigation(context, lesson):
    """Where the learner is in the module, previous/next, and "mark as done"."""
    from learners.models import LessonCompletion
    from learners.selectors import lesson_neighbours
    from learners.services.progress import lesson_has_h5p

    request = context["request"]
    data = lesson_neighbours(lesson=lesson)
    data.update(
        {"lesson": lesson, "request": request, "csrf_token": context.get("csrf_token")}
    )
    if request.user.is_authenticated:
        data["done"] = LessonCompletion.objects.filter(
            user=request.user, lesson=lesson
        ).exists()
        data["has_h5p"] = lesson_has_h5p(lesson)
    return data
