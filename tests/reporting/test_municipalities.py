"""Municipalities not taking part (for outreach), one municipality's learners."""

from datetime import date

import pytest

from reporting.rollup import rollup_refresh
from reporting.selectors import Scope, municipalities_absent, municipality_learners
from territory.models import Municipality, Region
from tests.reporting.helpers import period

pytestmark = pytest.mark.django_db


def absent(**scope):
    rollup_refresh()
    search = scope.pop("search", "")
    return municipalities_absent(scope=Scope(**scope), search=search)


def test_every_municipality_without_an_enrolled_learner_is_listed(province):
    codes = set(absent().values_list("code", flat=True))

    assert len(codes) == 1122 - 3
    assert {"26005", "03010"} <= codes  # Frampton (nobody), Cloridorme (an account)
    assert not {"26022", "26030", "03005"} & codes


def test_largest_first_with_their_learner_accounts(province):
    gaspesie = absent(region_id=Region.objects.get(code="11").pk)

    assert gaspesie[0].population >= gaspesie[1].population
    assert gaspesie.get(code="03010").accounts == 1  # gisele, to reach
    assert gaspesie.exclude(code="03010").filter(accounts__gt=0).count() == 0


def test_filters_narrow_the_list(province):
    elected_missing = absent(region_id=Region.objects.get(code="12").pk, role="mayor")
    q2 = absent(**period(date(2026, 4, 1), date(2026, 6, 30)))
    named = absent(search="frampton")

    assert "26030" in elected_missing.values_list("code", flat=True)  # no mayor
    assert "26022" not in elected_missing.values_list("code", flat=True)
    assert "03005" in q2.values_list("code", flat=True)  # emilie enrolled in March
    assert list(named.values_list("code", flat=True)) == ["26005"]


def test_a_municipality_s_learners_with_their_paths(province):
    rollup_refresh()
    saint_elzear = Municipality.objects.get(code="26022")

    lines = {
        line.email: line
        for line in municipality_learners(municipality=saint_elzear, scope=Scope())
    }

    assert set(lines) == {
        "alice@exemple.qc.ca",
        "bruno@exemple.qc.ca",
        "chloe@exemple.qc.ca",
    }
    alice = lines["alice@exemple.qc.ca"]
    assert (alice.enrolled, alice.started, alice.completed, alice.certified) == (
        2,
        2,
        1,
        1,
    )
    assert alice.last_active_at is not None
    assert lines["chloe@exemple.qc.ca"].started == 0
