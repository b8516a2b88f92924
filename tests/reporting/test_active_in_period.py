""" "Active" counts among the period's enrolees, so a date range never shows
more active learners than enrolled ones (no "0 inscrites" next to
"5 actives")."""

import re
from datetime import date

import pytest
from django.urls import reverse

from reporting.rollup import rollup_refresh
from tests.reporting.helpers import overview, period

pytestmark = pytest.mark.django_db


def test_active_learners_are_among_the_periods_enrolees(province):
    q2 = overview(**period(date(2026, 4, 1), date(2026, 6, 30))).total

    assert q2.enrolled == 2  # chloe, denis: neither active lately
    assert q2.active == 0


def test_a_period_without_enrolments_has_no_active_learner(province):
    summer = overview(**period(date(2026, 7, 1), date(2026, 8, 31))).total

    assert (summer.enrolled, summer.active) == (0, 0)


def test_the_first_quarter_keeps_its_active_enrolees(province):
    q1 = overview(**period(date(2026, 1, 1), date(2026, 3, 31))).total

    assert (q1.enrolled, q1.active) == (4, 2)  # alice and emilie are active


def test_the_dashboard_shows_no_more_active_than_enrolled(
    client, province, coordinator
):
    rollup_refresh()
    client.force_login(coordinator)

    html = client.get(
        reverse("reporting:dashboard"), {"du": "2026-07-01", "au": "2026-08-31"}
    ).content.decode()

    def figure(label):
        pattern = (
            r'<span class="figure-value">([^<]+)</span>'
            rf'<span class="figure-label">{label}</span>'
        )
        return re.search(pattern, html).group(1)

    assert figure("personnes inscrites") == "0"
    assert figure(re.escape("actives (30 derniers jours)")) == "0"
