"""How far a learner is in a block, a lesson's exercises and a path: the facts
(attempts, lessons finished, sessions attended) read here, judged by the pure
rules of ``courses.completion`` under the learner's current role."""

from dataclasses import dataclass, replace

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


def path_progress(*, user, path) -> PathProgress:
    """The learner's progress in ``path``: the path's structure comes from
    ``courses.selectors.path_structure`` (cached); what is read here per
    learner is three small queries."""
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
    return PathProgress(
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
    """The paths ``user`` enrolled in, first enrolled first: one query."""
    from courses.models import LearningPathPage

    return list(
        LearningPathPage.objects.filter(enrolments__user=user).order_by(
            "enrolments__created_at"
        )
    )


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


def lesson_neighbours(*, lesson, request=None):
    """Previous and next lessons across the whole path, and the lesson's place
    in its module (``courses.selectors.lesson_outline``, cached)."""
    from courses.selectors import lesson_outline

    return lesson_outline(lesson=lesson, request=request)


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
