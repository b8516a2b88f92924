"""How far a learner is in a block, a lesson's exercises and a path: the facts
(attempts, lessons finished, sessions attended) read here, judged by the pure
rules of ``courses.completion`` under the learner's current role."""

from dataclasses import dataclass

from django.db.models import Q

from courses.completion import BlockResult, ModuleProgress, PathProgress, block_result
from courses.models import LessonPage, ModulePage, ModuleRequirement
from learners.models import (
    Enrolment,
    H5PAttempt,
    LessonCompletion,
    PathCompletion,
    SessionRegistration,
)


def path_progress(*, user, path) -> PathProgress:
    modules = list(
        ModulePage.objects.child_of(path)
        .live()
        .order_by("path")
        .prefetch_related("role_rules")
    )
    lessons = LessonPage.objects.live().descendant_of(path).order_by("path")
    by_module = {module.path: [] for module in modules}
    for lesson in lessons:
        parent_path = lesson.path[: -lesson.steplen]
        if parent_path in by_module:
            by_module[parent_path].append(lesson)
    done = set(
        LessonCompletion.objects.filter(user=user, lesson__in=lessons).values_list(
            "lesson_id", flat=True
        )
    )
    attended = set(
        SessionRegistration.objects.filter(
            user=user, attended=True, session__module__in=modules
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
                lessons=by_module[module.path],
                done=done,
                attended=module.pk in attended,
            )
        )
    completion = PathCompletion.objects.filter(user=user, path=path).first()
    return PathProgress(
        path=path, role=user.role, modules=progress, completion=completion
    )


def h5p_block_result(
    *, user, lesson_id, block_id, grading_method, completion_rule, pass_threshold
) -> BlockResult:
    """The learner's result on one H5P block, by the block's own rules."""
    attempts = list(
        H5PAttempt.objects.filter(user=user, lesson_id=lesson_id, block_id=block_id)
        .order_by("number")
        .values_list("completed", "score_scaled")
    )
    return block_result(
        attempts,
        grading_method=grading_method,
        completion_rule=completion_rule,
        pass_threshold=pass_threshold,
    )


def enrolled_paths(*, user):
    return [
        enrolment.path.specific
        for enrolment in Enrolment.objects.filter(user=user)
        .select_related("path")
        .order_by("created_at")
    ]


def enrolled(*, user, path) -> bool:
    return Enrolment.objects.filter(user=user, path=path).exists()


def lesson_done(*, user, lesson) -> bool:
    return LessonCompletion.objects.filter(user=user, lesson=lesson).exists()


def lessons_done_ids(*, user, within) -> set[int]:
    """The ids of the lessons under ``within`` (a path or a module) that
    ``user`` has finished; none for a visitor."""
    if not user.is_authenticated:
        return set()
    return set(
        LessonCompletion.objects.filter(
            user=user, lesson__in=LessonPage.objects.descendant_of(within)
        ).values_list("lesson_id", flat=True)
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


def lesson_neighbours(*, lesson):
    """Previous and next lessons across the whole path, and the lesson's place
    in its module. A lesson not yet published (an author's preview) takes its
    place among the live ones."""
    module = lesson.get_parent()
    path = module.get_parent()
    lessons = list(
        LessonPage.objects.descendant_of(path)
        .filter(Q(live=True) | Q(pk=lesson.pk))
        .order_by("path")
    )
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    in_module = [item.pk for item in lessons if item.path.startswith(module.path)]
    return {
        "previous": lessons[index - 1] if index > 0 else None,
        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        "position": in_module.index(lesson.pk) + 1,
        "count": len(in_module),
        "module": module,
    }


def required_paths_not_started(*, user):
    """Live paths required for the learner's role in which they have not
    enrolled yet."""
    from courses.models import LearningPathPage
    from courses.roles import RoleRequirement

    if not user.role:
        return []
    return list(
        LearningPathPage.objects.live()
        .filter(
            role_rules__role=user.role, role_rules__requirement=RoleRequirement.REQUIRED
        )
        .exclude(enrolments__user=user)
        .order_by("path")
    )


def dashboard(*, user):
    """Everything "Mon parcours" shows."""
    from learners.selectors.sessions import sessions_upcoming_for

    progresses = [
        path_progress(user=user, path=path) for path in enrolled_paths(user=user)
    ]
    ongoing = [p for p in progresses if not p.complete]
    return {
        "progresses": progresses,
        "next_step": next(
            ((p, p.next_lesson()) for p in ongoing if p.next_lesson()), (None, None)
        ),
        "required_not_started": required_paths_not_started(user=user),
        "upcoming_sessions": sessions_upcoming_for(user=user),
    }
