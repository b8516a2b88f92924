"""What completes a block, a lesson, a module and a path: pure predicates over
facts already read (attempts' scores, lessons finished, sessions attended),
with no database. ``learners`` reads the facts and stores what they decide
(``learners.selectors.progress``, ``learners.services.progress``)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from courses.grading import CompletionRule, grade


def block_complete(
    scores: Sequence[float], *, method: str, rule: str, threshold: int
) -> bool:
    """Whether completed attempts with these scaled scores (oldest first)
    complete an H5P block graded by ``method`` under ``rule``."""
    if not scores:
        return False
    if rule == CompletionRule.PASSED:
        return grade(list(scores), method) >= threshold / 100
    return True


@dataclass(frozen=True)
class BlockResult:
    attempts: int
    completed_attempts: int
    score: float | None
    complete: bool


def block_result(
    attempts: Sequence[tuple[bool, float | None]],
    *,
    grading_method: str,
    completion_rule: str,
    pass_threshold: int,
) -> BlockResult:
    """A learner's result on one H5P block from their attempts there, oldest
    first, each ``(completed, scaled score)``; an attempt completed with no
    score counts as 0."""
    scores = [score or 0.0 for completed, score in attempts if completed]
    return BlockResult(
        attempts=len(attempts),
        completed_attempts=len(scores),
        score=grade(scores, grading_method),
        complete=block_complete(
            scores,
            method=grading_method,
            rule=completion_rule,
            threshold=pass_threshold,
        ),
    )


def lesson_complete_by_exercises(blocks: Iterable[BlockResult]) -> bool:
    """A lesson with H5P blocks is complete when every block is; a lesson
    without any is completed by the learner's click, never by this rule.
    Stops at the first incomplete block, so a lazy ``blocks`` reads no more."""
    any_block = False
    for result in blocks:
        if not result.complete:
            return False
        any_block = True
    return any_block


@dataclass
class ModuleProgress:
    """A module under one role's rules: its live lessons, the ids of those the
    learner finished, and whether they attended one of its sessions."""

    module: object  # courses.models.ModulePage
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
    """A path's modules under the learner's current role; ``completion`` is
    the stored ``learners.PathCompletion`` once there is one."""

    path: object
    role: str
    modules: list
    completion: object | None = None

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
