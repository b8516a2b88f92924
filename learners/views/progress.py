from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from courses.models import LearningPathPage, LessonPage
from learners import selectors, services


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


@login_required
def dashboard(request):
    return render(
        request, "learners/dashboard.html", selectors.dashboard(user=request.user)
    )


@require_POST
@login_required
def enrol(request, path_id):
    path = get_object_or_404(LearningPathPage.objects.live(), pk=path_id)
    try:
        _enrolment, created = services.enrolment_create(user=request.user, path=path)
    except ApplicationError as error:
        messages.error(request, error.message)
        return _back(request, path.url)
    if created:
        messages.success(
            request,
            _("Vous êtes inscrit·e au parcours « %(title)s ».") % {"title": path.title},
        )
    return _back(request, path.url)


@require_POST
@login_required
def lesson_done(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.lesson_mark_done(user=request.user, lesson=lesson)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    # The learner moves on to the next lesson: the confirmation names the
    # lesson just finished, since it shows on top of another one.
    following = selectors.lesson_neighbours(lesson=lesson, request=request).next
    done = _("« %(title)s » est terminée.") % {"title": lesson.title}
    if following is None:
        messages.success(request, done)
        return redirect(lesson.url)
    next_note = _("Voici la leçon suivante.")
    messages.success(request, f"{done} {next_note}")
    return redirect(following.url)
