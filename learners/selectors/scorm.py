"""Reads for SCORM blocks: which block a launch may open, the valid launch
of a commit, and where a learner stands in each SCO."""

import uuid
from dataclasses import dataclass

from django.utils import timezone

from courses.completion import BlockResult
from courses.models import LessonPage, ScormSco
from courses.scorm.blocks import ScormRules, scorm_block_complete, scorm_rules
from learners.models.scorm import ScormAttempt, ScormLaunch


def scorm_block_package_id(*, lesson: LessonPage, block_id: str) -> int | None:
    """The package of the SCORM block ``block_id`` in the lesson's stored
    body, read from the raw JSON so that no block is converted."""
    for rules in scorm_rules(lesson.body):
        if rules.block_id == block_id:
            return rules.package_id
    return None


def scorm_launch_valid(*, launch_id, user) -> ScormLaunch | None:
    """The user's unexpired launch ``launch_id``; None for anything else."""
    try:
        launch_id = uuid.UUID(str(launch_id))
    except ValueError:
        return None
    return (
        ScormLaunch.objects.filter(
            pk=launch_id, user_id=user.pk, expires_at__gt=timezone.now()
        )
        .select_related("package", "sco", "attempt")
        .first()
    )


def scorm_latest_attempt(*, user, lesson_id, block_id, sco) -> ScormAttempt | None:
    return (
        ScormAttempt.objects.filter(
            user=user, lesson_id=lesson_id, block_id=block_id, sco=sco
        )
        .order_by("-number")
        .first()
    )


@dataclass(frozen=True)
class ScoStatus:
    sco: ScormSco
    completion_status: str
    success_status: str
    score_scaled: float | None

    @property
    def is_completed(self) -> bool:
        return self.completion_status == "completed"


def scorm_sco_statuses(*, user, lesson_id, block_id, package_id) -> list[ScoStatus]:
    """Each item of the package in order, with the learner's best result
    over their attempts: completed or passed once stays so, the best score
    counts."""
    seen: dict[int, list[ScormAttempt]] = {}
    for attempt in ScormAttempt.objects.filter(
        user=user, lesson_id=lesson_id, block_id=block_id, sco__package_id=package_id
    ):
        seen.setdefault(attempt.sco_id, []).append(attempt)
    return [
        _best(sco, seen.get(sco.pk, []))
        for sco in ScormSco.objects.filter(package_id=package_id).order_by("position")
    ]


def _best(sco, attempts) -> ScoStatus:
    completions = {attempt.completion_status for attempt in attempts}
    successes = {attempt.success_status for attempt in attempts}
    scores = [a.score_scaled for a in attempts if a.score_scaled is not None]
    if "completed" in completions:
        completion = "completed"
    else:
        completion = (
            "incomplete" if completions - {"not attempted"} else "not attempted"
        )
    success = next((s for s in ("passed", "failed") if s in successes), "unknown")
    return ScoStatus(
        sco=sco,
        completion_status=completion,
        success_status=success,
        score_scaled=max(scores) if scores else None,
    )


def scorm_block_result(*, user, lesson_id, rules: ScormRules) -> BlockResult:
    """The learner's result on one SCORM block, in the shape of an H5P
    block's (``courses.completion``): items started, items completed, the
    mean scaled score of the SCOs that have one, and the block's rule."""
    statuses = scorm_sco_statuses(
        user=user,
        lesson_id=lesson_id,
        block_id=rules.block_id,
        package_id=rules.package_id,
    )
    scores = [s.score_scaled for s in statuses if s.score_scaled is not None]
    return BlockResult(
        attempts=sum(s.completion_status != "not attempted" for s in statuses),
        completed_attempts=sum(s.is_completed for s in statuses),
        score=sum(scores) / len(scores) if scores else None,
        complete=scorm_block_complete(
            [
                (s.sco.is_sco, s.completion_status, s.success_status, s.score_scaled)
                for s in statuses
            ],
            rule=rules.completion_rule,
            threshold=rules.pass_threshold,
        ),
    )
