"""Small H5P rows and xAPI statements for tests that need no real package."""

import uuid
from pathlib import Path

from courses.models import LearningPathPage
from tests.factories import H5PContentFactory

ACTOR_EMAIL = "apprenant@exemple.qc.ca"

# Real packages copied from shared/h5p (see tests/fixtures/h5p/README.md).
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "h5p"
TRUE_FALSE = SAMPLES / "truefalse-hello-world.h5p"
MULTI_CHOICE = SAMPLES / "H5P.MultiChoice.h5p"


def h5p_content(title="Vrai ou faux : l'hameçonnage"):
    return H5PContentFactory(title=title)


def lesson_with_h5p(lesson, content, *, block="bloc-1", **rules):
    """Publish ``lesson`` with one H5P block holding ``content``."""
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lisez le courriel ci-dessous.</p>"},
        {
            "type": "h5p",
            "id": block,
            "value": {
                "content": content.pk,
                "grading_method": "highest",
                "completion_rule": "completed",
                "pass_threshold": 70,
                **rules,
            },
        },
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def exercise_append(lesson, content):
    """``content`` appended to ``lesson``'s body as an exercise that must be
    passed (100 %), then published."""
    lesson.body.append(
        (
            "h5p",
            {
                "content": content,
                "grading_method": "highest",
                "completion_rule": "passed",
                "pass_threshold": 100,
            },
        )
    )
    lesson.save_revision().publish()


def launch(user, lesson, *, block="bloc-1"):
    """What pressing "Commencer" does, for a learner enrolled in the path."""
    from learners.models import Enrolment
    from learners.services import h5p_launch_open

    path = LearningPathPage.objects.ancestor_of(lesson).get()
    Enrolment.objects.get_or_create(user=user, path=path)
    return h5p_launch_open(user=user, lesson_id=lesson.pk, block_id=block)


def statement(
    content,
    lesson,
    *,
    block="bloc-1",
    verb="answered",
    scaled=None,
    raw=None,
    max_score=None,
    success=None,
    completion=None,
    sub=None,
    email=ACTOR_EMAIL,
    statement_id=None,
    timestamp="2026-11-20T14:00:00-05:00",
    registration=None,
):
    """An xAPI statement as H5P sends it. ``timestamp`` is the learner's
    claim, stored as given (attempt start and end): no rule compares it with
    the clock, so a fixed date needs no frozen clock. Rules that age
    statements read ``stored``, the server's time (retention, tested under
    time-machine in tests/privacy/test_retention.py)."""
    object_id = f"http://testserver/xapi/activites/{content.pk}/{lesson.pk}/{block}"
    if sub:
        object_id += f"?subContentId={sub}"
    data = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": {"name": "Camille", "mbox": f"mailto:{email}", "objectType": "Agent"},
        "verb": {
            "id": f"http://adlnet.gov/expapi/verbs/{verb}",
            "display": {"en-US": verb},
        },
        "object": {"id": object_id, "objectType": "Activity"},
        "timestamp": timestamp,
    }
    result = {}
    if scaled is not None:
        result["score"] = {"scaled": scaled, "raw": raw, "min": 0, "max": max_score}
        result["score"] = {k: v for k, v in result["score"].items() if v is not None}
    if success is not None:
        result["success"] = success
    if completion is not None:
        result["completion"] = completion
    if result:
        result["duration"] = "PT12.5S"
        data["result"] = result
    if registration is not None:
        launch_id = getattr(registration, "pk", registration)
        data["context"] = {"registration": str(launch_id)}
    return data
