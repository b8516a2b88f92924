"""``ParticipationTally``: a report of a geography over the whole period reads
the tally; every figure, breakdown and trend equals what the same report
counts on the facts, whatever happened to the learners and paths since."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learners.models import (
    Enrolment,
    LessonCompletion,
    PathCompletion,
    XapiStatement,
)
from learners.services import learner_role_change
from reporting.models import (
    LearnerFact,
    ParticipationTally,
    RollupState,
)
from reporting.rollup import rollup_rebuild, rollup_refresh
from reporting.selectors import (
    Scope,
    counts,
    participation,
    participation_report,
    tally,
    trends,
)
from territory.models import Municipality
from tests.factories import UserFactory
from tests.reporting.fixtures import FRAMPTON, lessons_of_path

pytestmark = pytest.mark.django_db


def _report(scope):
    overview, trend = participation_report(scope=scope, use_cache=False)
    return overview.total, overview.breakdowns, overview.first_months, trend


def both(scope=None):
    """(the report read from the tally, the same counted on the facts)."""
    scope = scope or Scope()
    assert tally.tallied(scope)
    tallied = _report(scope)
    with pytest.MonkeyPatch.context() as patch:
        for module in (counts, participation, trends):
            patch.setattr(module, "tallied", lambda scope: False)
        counted = _report(scope)
    return tallied, counted


def assert_same(province, **refresh):
    rollup_refresh(**refresh)
    gaspesie = province["people"]["emilie"].municipality
    for scope in (
        Scope(),
        Scope(region_id=gaspesie.region_id),
        Scope(mrc_id=gaspesie.mrc_id),
        Scope(municipality_id=province["people"]["alice"].municipality_id),
        Scope(population_class=1),
    ):
        tallied, counted = both(scope)
        assert tallied == counted, scope


def test_the_tally_gives_the_figures_of_the_facts(province):
    assert_same(province)
    levels = set(ParticipationTally.objects.values_list("level", flat=True))
    assert levels == {"learner", "path", "theme", "month"}


def test_a_filter_of_period_role_path_or_theme_counts_the_facts(province):
    rollup_refresh()
    p1 = province["p1"]
    for scope in (
        Scope(start=timezone.now() - timedelta(days=30)),
        Scope(end=timezone.now()),
        Scope(role="mayor"),
        Scope(path_id=p1.pk),
        Scope(theme_id=p1.theme_id),
    ):
        assert not tally.tallied(scope)


def test_before_the_first_tally_reports_count_the_facts(province):
    rollup_refresh()
    RollupState.objects.update(tallied_at=None)
    ParticipationTally.objects.all().delete()

    assert not tally.tallied(Scope())
    assert participation_report(scope=Scope(), use_cache=False)[0].total.enrolled


def test_a_new_enrolment(province):
    rollup_refresh()
    Enrolment.objects.create(user=province["people"]["gisele"], path=province["p3"])
    newcomer = UserFactory(
        municipality=Municipality.objects.get(code=FRAMPTON), role="employee"
    )
    Enrolment.objects.create(user=newcomer, path=province["p2"])

    assert_same(province)


def test_a_lesson_and_a_path_completed(province):
    rollup_refresh()
    chloe, p2 = province["people"]["chloe"], province["p2"]
    LessonCompletion.objects.create(
        user=chloe, lesson=lessons_of_path(p2)[0], source="manual"
    )
    PathCompletion.objects.create(
        user=chloe, path=p2, role=chloe.role, completed_at=timezone.now()
    )

    assert_same(province)


def test_a_learner_moving_to_another_municipality(province):
    rollup_refresh()
    denis = province["people"]["denis"]
    denis.municipality = Municipality.objects.get(code=FRAMPTON)
    denis.save()

    assert_same(province)


def test_a_role_change(province):
    rollup_refresh()
    learner_role_change(user=province["people"]["bruno"], role="mayor")

    assert_same(province)


def test_a_deleted_learner(province):
    rollup_refresh()
    province["people"]["alice"].delete()

    assert_same(province)
    assert not ParticipationTally.objects.filter(
        level="learner",
        role="mayor",
        enrolled__gt=0,
        municipality=province["people"]["bruno"].municipality,
    ).exists()


def test_an_unpublished_path(province):
    rollup_refresh()
    province["p2"].unpublish()

    assert_same(province)


def test_a_rebuild(province):
    rollup_rebuild()

    assert_same(province)


@pytest.mark.parametrize("days", [-10, 10])
def test_activity_counted_since_30_days_before_now_not_the_refresh(province, days):
    """Refreshed ``days`` from now, alice's last activity (35 or 25 days ago)
    is within 30 days of the refresh and not of now, or the reverse: the
    figures are now's."""
    alice = province["people"]["alice"]
    last = timezone.now() - timedelta(days=30 - days / 2)
    XapiStatement.objects.filter(user=alice).update(stored=last)
    rollup_rebuild()
    RollupState.objects.update(tallied_at=None)  # tallied again at the refresh
    rollup_refresh(now=timezone.now() + timedelta(days=days))
    as_of_refresh = sum(
        ParticipationTally.objects.filter(level="learner").values_list(
            "active", flat=True
        )
    )

    tallied, counted = both()

    assert tallied == counted
    assert LearnerFact.objects.get(user=alice).last_active_at == last
    assert tallied[0].active == as_of_refresh + (1 if days > 0 else -1)


def test_a_refresh_with_nothing_new_keeps_the_tally(province):
    rollup_refresh(now=timezone.now() - timedelta(days=2))
    kept = RollupState.objects.get().tallied_at
    ids = set(ParticipationTally.objects.values_list("pk", flat=True))

    rollup_refresh()  # two days later, nothing new: still exact

    state = RollupState.objects.get()
    assert state.tallied_at == kept and state.refreshed_at > kept
    assert set(ParticipationTally.objects.values_list("pk", flat=True)) == ids
    tallied, counted = both()
    assert tallied == counted

    Enrolment.objects.create(user=province["people"]["gisele"], path=province["p2"])
    rollup_refresh()

    assert RollupState.objects.get().tallied_at > kept
    assert_same(province)
