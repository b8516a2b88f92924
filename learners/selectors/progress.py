"""How far a learner is in a path, computed from facts (lessons finished,
sessions attended) and the rules of the learner's current role."""

from dataclasses import dataclass, field

from django.db.models import Q

from courses.models import LessonPage, ModulePage, ModuleRequirement
from learners.models import (
    Enrolment,
    LessonCompletion,
    PathCompletion,
    SessionRegistration,
)


@dataclass
class ModuleProgress:
    module: ModulePage
    required: bool
    attendance_required: bool
    lessons: list = field(default_factory=list)
    done: set = field(default_factory=set)
    attended: bool = False

    @property
    def lessons_done(self):
        return sum(1 for lesson in self.lessons if lesson.pk in self.done)

    @property
    def complete(self):
        lessons_ok = self.lessons_done == len(self.lessons)
        return lessons_ok and (self.attended or not self.attendance_required)

    @property
    def units(self):
        return len(self.lessons) + (1 if self.attendance_required else 0)

    @property
    def units_done(self):
        attended = 1 if self.attendance_required and self.attended else 0
        return self.lessons_done + attended

    def next_lesson(self):
        return next(
            (lesson for lesson in self.lessons if lesson.pk not in self.done), None
        )


@dataclass
class PathProgress:
    path: object
    role: str
    modules: list
    completion: PathCompletion | None = None

    @property
    def counted_modules(self):
        """The role's required modules; all of them when none is required."""
        required = [m for m in self.modules if m.required]
        return required or self.modules

    @property
    def complete(self):
        return bool(self.modules) and all(m.complete for m in self.counted_modules)

    @property
    def percent(self):
        units = sum(m.units for m in self.counted_modules)
        done = sum(m.units_done for m in self.counted_modules)
        if not units:
            return 0
        return 100 if self.complete else min(99, done * 100 // units)

    @property
    def started(self):
        return any(m.units_done for m in self.modules)

    def next_lesson(self):
        """The first unfinished lesson, required modules first."""
        for modules in (self.counted_modules, self.modules):
            for module in modules:
                lesson = module.next_lesson()
                if lesson is not None:
                    return lesson
        return None


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


def enrolled_paths(*, user):
    return [
        enrolment.path.specific
        for enrolment in Enrolment.objects.filter(user=user)
        .select_related("path")
        .order_by("created_at")
    ]


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
