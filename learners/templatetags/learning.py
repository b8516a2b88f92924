"""Template tags through which course pages show a learner's own state."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.grading import CompletionRule
from learners.selectors.lesson_state import lesson_learner_state

register = template.Library()


def _lesson_state(request, lesson):
    """The signed-in learner's state on ``lesson`` (an original lesson),
    read once per request for all its blocks and its navigation."""
    states = request.__dict__.setdefault("_virage_lesson_states", {})
    key = lesson.translation_key
    if key not in states:
        states[key] = lesson_learner_state(user=request.user, lesson=lesson)
    return states[key]


def _learner_options(request, content, lesson_id, block_id, state):
    activity = reverse("xapi_activity", args=[content.pk, lesson_id, block_id])
    options = {
        "lesson": lesson_id,
        "block": block_id,
        "iri": request.build_absolute_uri(activity),
        "stateUrl": reverse(
            "h5p_user_data", args=[content.pk, lesson_id, block_id, "state", "0"]
        ),
    }
    # H5P core reads a saved state synchronously when it builds the
    # exercise: the page hands it to the player when the frame is ready.
    options["state"] = state.saved_state(content_id=content.pk, block_id=block_id)
    return options


@register.inclusion_tag("learners/h5p_player.html", takes_context=True)
def h5p_player(context, value, block_id):
    """An H5P block: a light launcher; the sandboxed player opens on demand."""
    request, page = context["request"], context.get("page")
    content = value["content"]
    user = request.user
    options = {
        "content": content.pk,
        "title": _("Exercice interactif : %(title)s") % {"title": content.title},
        "launchUrl": reverse("h5p_launch"),
        "preview": True,
    }
    if user.is_authenticated:
        options["user"] = {
            "name": user.get_full_name() or user.email,
            "mail": user.email,
        }
    result = None
    live_lesson = page is not None and not getattr(request, "is_preview", False)
    if user.is_authenticated and live_lesson and block_id:
        options["preview"] = False
        state = _lesson_state(request, page)
        options.update(_learner_options(request, content, page.pk, block_id, state))
        result = state.block_result(
            user=user,
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
        "pass_threshold": value["pass_threshold"]
        if value["completion_rule"] == CompletionRule.PASSED
        else None,
    }


@register.simple_tag(takes_context=True)
def lessons_done(context, page):
    """The ids of the lessons under ``page`` the signed-in learner finished."""
    from learners.selectors import lessons_done_ids

    return lessons_done_ids(user=context["request"].user, within=page)


@register.simple_tag(takes_context=True)
def path_requirement(context, path):
    """On a catalogue card: is ``path`` required, recommended or optional for
    the role chosen in the filter, else for the signed-in learner's role?"""
    from learners.selectors import path_requirement_for

    return path_requirement_for(
        path=path,
        user=context["request"].user,
        role=context.get("selected_role") or "",
    )


@register.inclusion_tag("learners/path_panel.html", takes_context=True)
def path_learner_panel(context, path):
    """On a path page: enrol, or the learner's progress and where to resume."""
    from learners.selectors import enrolled, path_progress

    request = context["request"]
    data = {"path": path, "request": request, "user": request.user}
    if request.user.is_authenticated:
        data["enrolled"] = enrolled(user=request.user, path=path)
        data["progress"] = path_progress(user=request.user, path=path)
        data["csrf_token"] = context.get("csrf_token")
    return data


@register.inclusion_tag("learners/lesson_navigation.html", takes_context=True)
def lesson_navigation(context, lesson, outline=None):
    """Where the learner is in the module, previous/next, and "mark as done"."""
    from learners.selectors import lesson_done, lesson_neighbours
    from learners.services.progress import lesson_has_h5p

    request = context["request"]
    data = {
        "outline": outline or lesson_neighbours(lesson=lesson, request=request),
        "lesson": lesson,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
    if request.user.is_authenticated:
        known = getattr(request, "_virage_lesson_states", {}).get(
            lesson.translation_key
        )
        data["done"] = (
            known.done if known else lesson_done(user=request.user, lesson=lesson)
        )
        data["has_h5p"] = lesson_has_h5p(lesson)
    return data
