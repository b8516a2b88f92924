"""How far a learner is in a block, a lesson's exercises and a path: the facts
(attempts, lessons finished, sessions attended) read here, judged by the pure
rules of ``courses.completion`` under the learner's current role."""

from dataclasses import dataclass, field, replace

from django.db.models import Avg, Count, Max, Q
from django.db.models.functions import Coalesce

from courses.completion import BlockResult, ModuleProgress, PathProgress, block_result
from courses.grading import GradingMethod
from courses.models import LessonPage, ModuleRequirement
from learners.models import (
    Enrolment,
    H5PAttempt,
    LessonCompletion,
    PathCompletion,
    SessionRegistration,
)


@dataclass
class ShownPathProgress(PathProgress):
    """A path's progress, always computed on the original (default-locale)
    path, with the pages its links show in the language of ``shown_path``:
    the modules and the next lesson."""

    shown_path: object = None
    shown_lessons: dict = field(default_factory=dict)

    def next_lesson(self):
        lesson = super().next_lesson()
        return self.shown_lessons.get(lesson.pk, lesson) if lesson else None


def path_progress(*, user, path) -> ShownPathProgress:
    """The learner's progress in ``path``, the same whatever language
    ``path`` is in: read on its original. The path's structure comes from
    ``courses.selectors.path_structure`` (cached); what is read here per
    learner is three small queries (one more for a translated path: its
    original)."""
    from courses.selectors import original

    source = original(path)
    progress = _progress(user, source)
    progress.shown_path = path
    if source is not path:
        _show_in_language_of(progress, path)
    return progress


def _show_in_language_of(progress, path) -> None:
    """Swap the modules and the next lesson for their pages under ``path``
    (a translation), read from its cached structure: no query once warm."""
    from courses.selectors import path_structure

    structure = path_structure(path=path)
    shown = {module.translation_key: module for module in structure.modules}
    for lessons in structure.lessons.values():
        shown.update({lesson.translation_key: lesson for lesson in lessons})
    progress.modules = [
        replace(item, module=shown.get(item.module.translation_key, item.module))
        for item in progress.modules
    ]
    if (lesson := progress.next_lesson()) is not None:
        progress.shown_lessons = {lesson.pk: shown.get(lesson.translation_key, lesson)}


def _progress(user, path) -> ShownPathProgress:
    from courses.selectors import path_structure

    structure = path_structure(path=path)
    modules = structure.modules
    lesson_ids = [
        lesson.pk for lessons in structure.lessons.values() for lesson in lessons
    ]
    done = set(
        LessonCompletion.objects.filter(
            user=user, lesson_id__in=lesson_ids
        ).values_list("lesson_id", flat=True)
    )
    attended = set(
        SessionRegistration.objects.filter(
            user=user, attended=True, session__module_id__in=[m.pk for m in modules]
        ).values_list("session__module_id", flat=True)
    )
    progress = []
    for module in modules:
        requirement, attendance = module.rule_for(user.role)
        progress.append(
            ModuleProgress(
                module=module,
                required=requirement == ModuleRequirement.REQUIRED,
                attendance_required=attendance,
                lessons=structure.lessons[module.pk],
                done=done,
                attended=module.pk in attended,
            )
        )
    completion = PathCompletion.objects.filter(user=user, path=path).first()
    return ShownPathProgress(
        path=path, role=user.role, modules=progress, completion=completion
    )


def h5p_block_result(
    *, user, lesson_id, block_id, grading_method, completion_rule, pass_threshold
) -> BlockResult:
    """The learner's result on one H5P block, by the block's own rules.

    The database counts the attempts and grades the completed ones (an
    aggregate on the attempts' unique index, not one row per attempt into
    Python: a learner may have thousands); the pure rules then judge that
    score as they would the whole list."""
    attempts = H5PAttempt.objects.filter(
        user=user, lesson_id=lesson_id, block_id=block_id
    )
    score = Coalesce("score_scaled", 0.0)
    done = Q(completed=True)
    graded = (
        Avg(score, filter=done)
        if grading_method == GradingMethod.AVERAGE
        else Max(score, filter=done)
    )
    counts = attempts.aggregate(
        n_total=Count("pk"), n_completed=Count("pk", filter=done), graded=graded
    )
    if counts["n_completed"] and grading_method in (
        GradingMethod.FIRST,
        GradingMethod.LAST,
    ):
        order = "number" if grading_method == GradingMethod.FIRST else "-number"
        counts["graded"] = (
            attempts.filter(done).order_by(order).values_list(score, flat=True).first()
        )
    representative = [(True, counts["graded"])] if counts["n_completed"] else []
    result = block_result(
        representative,
        grading_method=grading_method,
        completion_rule=completion_rule,
        pass_threshold=pass_threshold,
    )
    return replace(
        result, attempts=counts["n_total"], completed_attempts=counts["n_completed"]
    )


def enrolled_paths(*, user):
    """The original paths ``user`` enrolled in, first enrolled first: one
    query. An enrolment kept on a translation (before enrolments were kept on
    originals) stands for its original, listed once."""
    from courses.models import LearningPathPage
    from courses.selectors import original

    paths, seen = [], set()
    enrolled_in = LearningPathPage.objects.filter(enrolments__user=user).order_by(
        "enrolments__created_at"
    )
    for path in enrolled_in:
        path = original(path)
        if path.pk not in seen:
            seen.add(path.pk)
            paths.append(path)
    return paths


def enrolled(*, user, path) -> bool:
    """Whether ``user`` is enrolled in ``path`` in any of its languages."""
    return Enrolment.objects.filter(
        user=user, path__translation_key=path.translation_key
    ).exists()


def lesson_done(*, user, lesson) -> bool:
    """Whether ``user`` finished ``lesson`` in any of its languages."""
    return LessonCompletion.objects.filter(
        user=user, lesson__translation_key=lesson.translation_key
    ).exists()


def lessons_done_ids(*, user, within) -> set[int]:
    """The ids of the lessons under ``within`` (a path or a module, in any
    language) that ``user`` has finished, in whichever language they
    finished them; none for a visitor. One query."""
    if not user.is_authenticated:
        return set()
    finished = LessonCompletion.objects.filter(user=user).values(
        "lesson__translation_key"
    )
    return set(
        LessonPage.objects.descendant_of(within)
        .filter(translation_key__in=finished)
        .values_list("pk", flat=True)
    )


@dataclass
class RoleRequirementLabel:
    requirement: object  # courses.roles.RoleRequirement
    role: object  # courses.roles.LearnerRole
    own: bool  # the learner's own role, not one chosen in a filter


def path_requirement_for(*, path, user, role="") -> RoleRequirementLabel | None:
    """Whether ``path`` is required, recommended or optional for ``role`` (a
    role chosen in the catalogue's filter), else for the learner's own role;
    None for a visitor or an account without a role."""
    from courses.roles import LearnerRole, RoleRequirement

    own_role = getattr(user, "role", "") if user.is_authenticated else ""
    role = role or own_role
    if role not in LearnerRole.values:
        return None
    return RoleRequirementLabel(
        requirement=RoleRequirement(path.requirement_for(role)),
        role=LearnerRole(role),
        own=role == own_role,
    )


def lesson_neighbours(*, lesson, request=None):
    """Previous and next lessons across the whole path, and the lesson's place
    in its module (``courses.selectors.lesson_outline``, cached)."""
    from courses.selectors import lesson_outline

    return lesson_outline(lesson=lesson, request=request)


def required_paths_not_started(*, user):
    """Live original paths required for the learner's role in which they
    have not enrolled yet (in any language)."""
    from courses.models import LearningPathPage
    from courses.roles import RoleRequirement
    from courses.selectors import default_locale_id

    if not user.role:
        return []
    return list(
        LearningPathPage.objects.live()
        .filter(
            locale_id=default_locale_id(),
            role_rules__role=user.role,
            role_rules__requirement=RoleRequirement.REQUIRED,
        )
        .exclude(
            translation_key__in=Enrolment.objects.filter(user=user).values(
                "path__translation_key"
            )
        )
        .order_by("path")
    )


def dashboard(*, user):
    """Everything "Mon parcours" shows: progress on the original paths,
    links to their pages in the visitor's language (no query in French)."""
    from courses.selectors import translations_in
    from learners.selectors.sessions import sessions_upcoming_for

    progresses = [
        path_progress(user=user, path=path) for path in enrolled_paths(user=user)
    ]
    required = required_paths_not_started(user=user)
    shown = translations_in([p.path for p in progresses] + required)
    for progress in progresses:
        progress.shown_path = shown[progress.path.pk]
        if progress.shown_path is not progress.path:
            _show_in_language_of(progress, progress.shown_path)
    ongoing = [p for p in progresses if not p.complete]
    return {
        "progresses": progresses,
        "next_step": next(
            ((p, p.next_lesson()) for p in ongoing if p.next_lesson()), (None, None)
        ),
        "required_not_started": [shown[path.pk] for path in required],
        "upcoming_sessions": sessions_upcoming_for(user=user),
    }
