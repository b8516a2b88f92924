"""The rollup stays exact as the source tables change."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from certification.models import Certificate
from learners.models import Enrolment, LessonCompletion, SessionRegistration
from learners.services import learner_role_change
from reporting.models import LearnerPathFact, RollupCheckpoint
from reporting.rollup import rollup_rebuild, rollup_refresh
from tests.reporting.fixtures import _xapi, lessons_of_path
from tests.reporting.helpers import figures, overview, period, row

pytestmark = pytest.mark.django_db

FEB_MAY = period(date(2026, 2, 1), date(2026, 5, 31))


def snapshot():
    return list(
        LearnerPathFact.objects.order_by("user_id", "path_id").values_list(
            "user_id", "path_id", "enrolled_at", "started_at", "prev_enrolled_at"
        )
    )


def test_a_second_refresh_changes_nothing(province):
    rollup_refresh()
    before = snapshot()

    state = rollup_refresh()

    assert snapshot() == before
    assert state.version == 2


def test_a_rebuild_gives_the_same_rollup(province):
    rollup_refresh()
    before = snapshot()

    rollup_rebuild()

    assert snapshot() == before


def test_a_new_lesson_starts_a_path(province):
    assert overview().total.started == 4
    chloe, p2 = province["people"]["chloe"], province["p2"]
    LessonCompletion.objects.create(
        user=chloe, lesson=lessons_of_path(p2)[0], source="manual"
    )

    assert overview().total.started == 5


def test_a_certificate_revoked_later_no_longer_counts(province):
    assert overview().total.certified == 2
    Certificate.objects.filter(user=province["people"]["alice"]).update(
        revoked_at=timezone.now()
    )

    total = overview().total

    assert (total.certified, total.certified_municipalities) == (1, 1)


def test_a_role_change_moves_the_learner(province):
    learner_role_change(user=province["people"]["bruno"], role="mayor")

    result = overview()

    assert row(result, "role", "mayor").figures.enrolled == 2
    assert row(result, "role", "councillor").figures.enrolled == 0


def test_a_deleted_enrolment_makes_the_next_one_first(province):
    assert overview(**FEB_MAY).total.enrolled == 4
    Enrolment.objects.filter(
        user=province["people"]["denis"], path=province["p1"]
    ).delete()

    # denis now counts through his path 2 enrolment (05-01) alone
    assert overview(**FEB_MAY).total.enrolled == 4
    assert overview().total.enrolled == 5


def test_a_learner_without_municipality_leaves_the_rollup(province):
    chloe = province["people"]["chloe"]
    chloe.municipality = None
    chloe.save()

    assert overview().total.enrolled == 4
    assert not LearnerPathFact.objects.filter(user=chloe).exists()


def test_a_deleted_lesson_is_no_longer_a_start(province):
    assert row(overview(), "path", province["p3"].slug).figures.started == 1
    lessons_of_path(province["p3"])[0].delete()

    assert row(overview(), "path", province["p3"].slug).figures.started == 0


def test_activity_is_read_above_the_checkpoint_of_five_minutes_ago(province):
    rollup_refresh(now=timezone.now() - timedelta(minutes=10))
    rollup_refresh()
    bruno = province["people"]["bruno"]
    _xapi(bruno, lessons_of_path(province["p1"])[0])

    total = overview().total

    assert total.active == 3
    assert RollupCheckpoint.objects.count() == 3


def test_attendance_marked_later_counts(province):
    SessionRegistration.objects.filter(user=province["people"]["emilie"]).update(
        attended=True
    )

    assert figures(overview().total, ("registered", "attended")) == {
        "registered": 4,
        "attended": 3,
    }
