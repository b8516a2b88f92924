"""Enrolments and progress: what a learner has completed, stored as facts
(lessons, paths) once the rules of ``courses.completion`` say so. Every write
is idempotent: recording the same event twice changes nothing, and unique
constraints settle concurrent ones."""

from itertools import chain

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from courses.blocks import h5p_rules
from courses.completion import lesson_complete_by_exercises
from courses.models import LearningPathPage, LessonPage
from courses.scorm.blocks import scorm_rules
from courses.selectors import original
from learners.models import (
    CompletionSource,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    PathCompletion,
    RoleChange,
)
from learners.selectors.progress import h5p_block_result, path_progress
from learners.selectors.scorm import scorm_block_result
from learners.signals import path_completed


def _get_or_create(model, **fields):
    """``get_or_create`` that survives a concurrent insert of the same row."""
    defaults = fields.pop("defaults", {})
    try:
        with transaction.atomic():
            return model.objects.get_or_create(**fields, defaults=defaults)
    except IntegrityError:
        return model.objects.get(**fields), False


def enrolment_create(*, user, path, source=EnrolmentSource.SELF, enrolled_by=None):
    """Enrol ``user`` in ``path`` (once), kept on its original: enrolling in
    English enrols in the French path. Returns (enrolment, created)."""
    path = original(path)
    if not path.live:
        raise ApplicationError(_("Ce parcours n'est pas publié."))
    return _get_or_create(
        Enrolment,
        user=user,
        path=path,
        defaults={"source": source, "enrolled_by": enrolled_by},
    )


def path_of_lesson(lesson) -> LearningPathPage:
    return LearningPathPage.objects.ancestor_of(lesson).get()


def lesson_has_h5p(lesson) -> bool:
    """Whether the lesson is completed by its exercises (H5P or SCORM)."""
    return bool(h5p_rules(lesson.body) or scorm_rules(lesson.body))


def lesson_mark_done(*, user, lesson: LessonPage):
    """The learner says a text lesson is done. Lessons with H5P exercises are
    done when their exercises are, not by a click."""
    if lesson_has_h5p(lesson):
        raise ApplicationError(
            _("Cette leçon se termine en réussissant ses exercices interactifs.")
        )
    return lesson_complete(user=user, lesson=lesson, source=CompletionSource.MANUAL)


def lesson_complete(*, user, lesson, source):
    """Record ``lesson`` done, on its original (a lesson finished in English
    is finished in French), and the path's completion if it is the last."""
    lesson = original(lesson)
    path = path_of_lesson(lesson)
    enrolment_create(user=user, path=path)
    completion, created = _get_or_create(
        LessonCompletion, user=user, lesson=lesson, defaults={"source": source}
    )
    if created:
        progress_refresh(user=user, path=path)
    return completion


def lesson_h5p_check(*, user, lesson):
    """Complete a lesson once every exercise in it, H5P or SCORM, meets its
    rule (results are kept on the original lesson)."""
    lesson = original(lesson)
    h5p_results = (
        h5p_block_result(
            user=user,
            lesson_id=lesson.pk,
            block_id=rule.block_id,
            grading_method=rule.grading_method,
            completion_rule=rule.completion_rule,
            pass_threshold=rule.pass_threshold,
        )
        for rule in h5p_rules(lesson.body)
    )
    scorm_results = (
        scorm_block_result(user=user, lesson_id=lesson.pk, rules=rules)
        for rules in scorm_rules(lesson.body)
    )
    if not lesson_complete_by_exercises(chain(h5p_results, scorm_results)):
        return None
    source = CompletionSource.H5P if h5p_rules(lesson.body) else CompletionSource.SCORM
    return lesson_complete(user=user, lesson=lesson, source=source)


def progress_refresh(*, user, path):
    """Record the path's completion the first time the learner's progress,
    under their current role, is complete; then announce it after commit.
    Kept on the original path: one completion, one certificate."""
    path = original(path)
    progress = path_progress(user=user, path=path)
    if not progress.complete or progress.completion is not None:
        return progress
    completion, created = _get_or_create(
        PathCompletion,
        user=user,
        path=path,
        defaults={"role": user.role, "completed_at": timezone.now()},
    )
    if created:
        transaction.on_commit(
            lambda: path_completed.send(
                sender=PathCompletion, completion=completion, user=user, path=path
            )
        )
    progress.completion = completion
    return progress


def learner_role_change(*, user, role):
    """Change a learner's role, keep the history, and recompute their paths
    under the new rules (completed paths stay completed)."""
    if role == user.role:
        return
    RoleChange.objects.create(user=user, previous_role=user.role, new_role=role)
    user.role = role
    user.save(update_fields=["role"])
    for enrolment in Enrolment.objects.filter(user=user).select_related("path"):
        progress_refresh(user=user, path=enrolment.path.specific)
