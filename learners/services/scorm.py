"""Playing a SCORM block: opening a launch of one SCO, and storing what the
SCO commits under it.

As for H5P (``learners.services.launches``), a launch is the server's record
that a learner opened a SCO of a published lesson they may play; commits
count only under a valid launch. A commit carries the launch's ``sequence``:
one already stored changes nothing, so the lesson page may re-send freely.
"""

import hashlib
import json
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from core.site_url import absolute_url
from courses.models import LessonPage, ScormSco
from courses.scorm.cmi import CmiState, parse_commit
from learners.models import XapiStatement
from learners.models.scorm import ScormAttempt, ScormLaunch
from learners.selectors.h5p import h5p_live_lesson, h5p_may_play
from learners.selectors.scorm import scorm_block_package_id, scorm_latest_attempt
from learners.services.progress import lesson_h5p_check

VERB = "http://adlnet.gov/expapi/verbs/"
MAX_SEQUENCE = 2**31 - 1


class ScormRefused(ApplicationError):
    """Why a SCO may not be launched or a commit not stored."""


def scorm_launch_open(*, user, lesson_id: int, block_id: str, sco_id: int):
    """Open a launch of SCO ``sco_id`` of the SCORM block ``block_id`` of
    the published lesson ``lesson_id``; returns it with the CMI data the
    runtime starts from (learner, entry, resume data, mastery)."""
    lesson = h5p_live_lesson(lesson_id=lesson_id)
    package_id = (
        scorm_block_package_id(lesson=lesson, block_id=block_id) if lesson else None
    )
    sco = ScormSco.objects.filter(pk=sco_id, package_id=package_id).first()
    if package_id is None or sco is None:
        raise ScormRefused(_("Ce contenu n'existe pas dans cette leçon."), 404)
    if not h5p_may_play(user=user, lesson=lesson):
        raise ScormRefused(
            _("Inscrivez-vous au parcours de cette leçon pour suivre ce contenu."), 403
        )
    with transaction.atomic():
        attempt, resumed = _attempt_for(user, lesson.pk, block_id, sco)
        launch = ScormLaunch.objects.create(
            user=user,
            lesson_id=lesson.pk,
            block_id=block_id,
            package_id=package_id,
            sco=sco,
            attempt=attempt,
            base_seconds=attempt.total_seconds,
            expires_at=timezone.now()
            + timedelta(seconds=settings.H5P_LAUNCH_TTL_SECONDS),
        )
    if not sco.is_sco and not attempt.is_completed:
        _asset_opened(attempt, lesson)
    return launch, initial_cmi(user=user, sco=sco, attempt=attempt, resumed=resumed)


def _asset_opened(attempt, lesson) -> None:
    """An asset never talks to the API: opening it completes it."""
    attempt.completion_status = "completed"
    attempt.save(update_fields=["completion_status", "updated_at"])
    lesson_h5p_check(user=attempt.user, lesson=lesson)


def _attempt_for(user, lesson_id, block_id, sco) -> tuple[ScormAttempt, bool]:
    """The attempt to continue, or a new one after a finished attempt."""
    latest = scorm_latest_attempt(
        user=user, lesson_id=lesson_id, block_id=block_id, sco=sco
    )
    if latest is not None and not latest.is_finished:
        return latest, latest.exit == "suspend" or bool(
            latest.suspend_data or latest.location
        )
    number = latest.number + 1 if latest else 1
    try:
        with transaction.atomic():
            attempt = ScormAttempt.objects.create(
                user=user,
                lesson_id=lesson_id,
                block_id=block_id,
                sco=sco,
                number=number,
            )
    except IntegrityError:  # the same launch opened twice at once
        attempt = ScormAttempt.objects.get(
            user=user, lesson_id=lesson_id, block_id=block_id, sco=sco, number=number
        )
    return attempt, False


def initial_cmi(*, user, sco, attempt, resumed: bool) -> dict:
    """Flattened CMI data the runtime loads before the SCO initialises."""
    name = ", ".join(p for p in (user.last_name, user.first_name) if p) or user.email
    entry = "resume" if resumed else "ab-initio"
    if not sco.package.is_2004:
        data = {
            "cmi.core.student_id": str(user.pk),
            "cmi.core.student_name": name,
            "cmi.core.entry": entry,
            "cmi.core.credit": "credit",
            "cmi.core.lesson_location": attempt.location[:255],
            "cmi.suspend_data": attempt.suspend_data,
            "cmi.launch_data": sco.launch_data,
        }
        if attempt.completion_status != "not attempted":
            data["cmi.core.lesson_status"] = _status_12(attempt)
        if sco.mastery_score is not None:
            data["cmi.student_data.mastery_score"] = f"{sco.mastery_score * 100:g}"
        return data
    data = {
        "cmi.learner_id": str(user.pk),
        "cmi.learner_name": name,
        "cmi.entry": entry,
        "cmi.credit": "credit",
        "cmi.location": attempt.location,
        "cmi.suspend_data": attempt.suspend_data,
        "cmi.launch_data": sco.launch_data,
        "cmi.completion_status": attempt.completion_status
        if attempt.completion_status != "not attempted"
        else "unknown",
        "cmi.success_status": attempt.success_status,
    }
    if sco.mastery_score is not None:
        data["cmi.scaled_passing_score"] = f"{sco.mastery_score:g}"
    return data


def _status_12(attempt) -> str:
    if attempt.success_status in ("passed", "failed"):
        return attempt.success_status
    return "completed" if attempt.is_completed else "incomplete"


def scorm_commit(*, user, launch_id, sequence, data) -> ScormAttempt:
    """Store a commit of the SCO under ``launch_id``.

    Raises ``ScormRefused`` (403) for an unknown, expired or foreign launch
    and ``courses.scorm.cmi.CmiError`` (400) for data the model refuses;
    nothing is stored then. A commit whose ``sequence`` is not above the
    last one stored changes nothing.
    """
    if not isinstance(sequence, int) or isinstance(sequence, bool):
        raise ScormRefused(_("Numéro de validation manquant."), 400)
    if not 0 < sequence <= MAX_SEQUENCE:
        raise ScormRefused(_("Numéro de validation invalide."), 400)
    with transaction.atomic():
        launch = (
            ScormLaunch.objects.select_for_update()
            .filter(pk=_uuid(launch_id), user_id=user.pk, expires_at__gt=timezone.now())
            .select_related("package", "sco")
            .first()
        )
        if launch is None:
            raise ScormRefused(
                _("Ce lancement n'est pas valide ou a expiré : rouvrez le contenu."),
                403,
            )
        state = parse_commit(data, is_2004=launch.package.is_2004)
        attempt = ScormAttempt.objects.select_for_update().get(pk=launch.attempt_id)
        if sequence <= launch.last_sequence:
            return attempt
        before = _outcome(attempt)
        _apply(attempt, launch, state)
        launch.last_sequence = sequence
        launch.save(update_fields=["last_sequence", "interactions"])
        changed = _outcome(attempt) != before
        if changed:
            _record_statement(launch, attempt, sequence)
    if changed:
        lesson = LessonPage.objects.live().filter(pk=launch.lesson_id).first()
        if lesson is not None:
            lesson_h5p_check(user=user, lesson=lesson)
    return attempt


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _apply(attempt: ScormAttempt, launch: ScormLaunch, state: CmiState) -> None:
    """Completed and passed are kept once reached; the LMS judges success
    against the mastery score when the package gives one."""
    success = _judged_success(launch.sco, state)
    if attempt.completion_status != "completed":
        attempt.completion_status = state.completion_status
    if attempt.success_status != "passed":
        attempt.success_status = success
    for name in ("score_raw", "score_min", "score_max", "score_scaled"):
        if getattr(state, name) is not None:
            setattr(attempt, name, getattr(state, name))
    attempt.location = state.location
    attempt.suspend_data = state.suspend_data
    attempt.exit = state.exit
    attempt.total_seconds = launch.base_seconds + state.session_seconds
    earlier = [
        item
        for other in attempt.launches.exclude(pk=launch.pk).order_by("created_at")
        for item in other.interactions
    ]
    launch.interactions = state.interactions
    attempt.interactions = earlier + state.interactions
    attempt.save()


def _judged_success(sco, state: CmiState) -> str:
    if sco.mastery_score is None or state.score_scaled is None:
        return state.success_status
    if not sco.package.is_2004 and state.completion_status != "completed":
        return state.success_status
    return "passed" if state.score_scaled >= sco.mastery_score else "failed"


def _outcome(attempt) -> tuple:
    return (attempt.completion_status, attempt.success_status, attempt.score_scaled)


def _record_statement(launch, attempt, sequence) -> None:
    """Status and score changes as xAPI statements, so SCORM results appear
    where H5P results do. The id derives from the launch and sequence: a
    re-sent commit never records twice."""
    verb = {"passed": "passed", "failed": "failed"}.get(attempt.success_status) or (
        "completed" if attempt.is_completed else "progressed"
    )
    iri = absolute_url(
        f"/scorm/activites/{launch.package_id}/{launch.lesson_id}/{launch.block_id}/"
        f"{launch.sco_id}"
    )
    now = timezone.now()
    statement_id = uuid.uuid5(launch.pk, str(sequence))
    raw = {
        "id": str(statement_id),
        "actor": {"mbox": f"mailto:{launch.user.email}"},
        "verb": {"id": VERB + verb},
        "object": {"id": iri, "definition": {"name": {"fr-CA": launch.sco.title}}},
        "result": _result(attempt),
        "context": {"registration": str(launch.pk)},
        "timestamp": now.isoformat(),
    }
    XapiStatement.objects.get_or_create(
        statement_id=statement_id,
        defaults={
            "user_id": launch.user_id,
            "verb": VERB + verb,
            "object_id": iri,
            "lesson_id": launch.lesson_id,
            "block_id": launch.block_id,
            "sub_content_id": str(launch.sco_id),
            "score_raw": attempt.score_raw,
            "score_min": attempt.score_min,
            "score_max": attempt.score_max,
            "score_scaled": attempt.score_scaled,
            "success": {"passed": True, "failed": False}.get(attempt.success_status),
            "completion": attempt.is_completed,
            "duration_seconds": attempt.total_seconds,
            "timestamp": now,
            "raw": raw,
            "content_hash": hashlib.sha256(
                json.dumps(raw, sort_keys=True).encode()
            ).hexdigest(),
            "trusted": True,
        },
    )


def _result(attempt) -> dict:
    result = {"completion": attempt.is_completed}
    if attempt.success_status in ("passed", "failed"):
        result["success"] = attempt.success_status == "passed"
    if attempt.score_scaled is not None:
        result["score"] = {"scaled": attempt.score_scaled}
    return result
