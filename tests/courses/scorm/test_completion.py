"""What completes a SCORM block (pure) and a lesson holding one."""

import pytest

from courses.scorm.blocks import scorm_block_complete
from learners.models import LessonCompletion
from learners.services.progress import lesson_mark_done
from learners.services.scorm import scorm_commit, scorm_launch_open
from tests.fixtures.scorm.builders import multi_sco_2004, single_sco_12
from tests.fixtures.scorm.lessons import enrol, imported, lesson_with_scorm

DONE = ("completed", "unknown", None)


@pytest.mark.parametrize(
    ("items", "rule", "threshold", "expected"),
    [
        ([], "completed", 0, False),
        ([(True, *DONE), (False, *DONE)], "completed", 0, True),
        (
            [(True, *DONE), (False, "not attempted", "unknown", None)],
            "completed",
            0,
            False,
        ),
        ([(True, "completed", "passed", 0.9)], "passed", 0, True),
        ([(True, "completed", "failed", 0.9)], "passed", 0, False),
        (
            [(True, "completed", "passed", 0.9), (True, "completed", "failed", 0.2)],
            "passed",
            0,
            False,
        ),
        ([(True, *DONE)], "passed", 0, False),
        (
            [(True, "completed", "unknown", 0.8), (True, "completed", "unknown", 0.6)],
            "score",
            70,
            True,
        ),
        (
            [(True, "completed", "unknown", 0.8), (True, "completed", "unknown", 0.5)],
            "score",
            70,
            False,
        ),
        ([(True, *DONE)], "score", 70, False),
        ([(True, "incomplete", "passed", 1.0)], "score", 70, False),
    ],
)
def test_scorm_block_complete(items, rule, threshold, expected):
    assert scorm_block_complete(items, rule=rule, threshold=threshold) is expected


def commit(user, lesson, sco, data, sequence=1):
    launch, _cmi = scorm_launch_open(
        user=user, lesson_id=lesson.pk, block_id="scorm-1", sco_id=sco.pk
    )
    return scorm_commit(user=user, launch_id=launch.pk, sequence=sequence, data=data)


@pytest.mark.django_db
def test_a_12_lesson_completes_when_its_sco_passes(site, learner):
    package = imported(single_sco_12())
    lesson = lesson_with_scorm(site["lesson"], package, completion_rule="passed")
    enrol(learner, lesson)
    sco = package.scos.get()
    with pytest.raises(Exception, match="exercices"):
        lesson_mark_done(user=learner, lesson=lesson)

    commit(
        learner,
        lesson,
        sco,
        {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "50"},
    )
    assert not LessonCompletion.objects.exists()  # 50 < mastery 80: failed
    commit(
        learner,
        lesson,
        sco,
        {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"},
    )
    completion = LessonCompletion.objects.get()
    assert completion.lesson_id == lesson.pk and completion.source == "scorm"


@pytest.mark.django_db
def test_a_multi_sco_lesson_needs_every_item(site, learner):
    package = imported(multi_sco_2004(edition=3))
    lesson = lesson_with_scorm(
        site["lesson"], package, completion_rule="score", pass_threshold=70
    )
    enrol(learner, lesson)
    first, second, asset = package.scos.order_by("position")
    commit(
        learner,
        lesson,
        first,
        {"cmi.completion_status": "completed", "cmi.score.scaled": "0.9"},
    )
    commit(
        learner,
        lesson,
        second,
        {"cmi.completion_status": "completed", "cmi.score.scaled": "0.7"},
    )
    assert not LessonCompletion.objects.exists()  # the glossary was never opened
    scorm_launch_open(
        user=learner, lesson_id=lesson.pk, block_id="scorm-1", sco_id=asset.pk
    )  # an asset is complete once opened
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
