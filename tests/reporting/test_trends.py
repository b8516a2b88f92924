"""Trends by month and by quarter."""

from datetime import date

import pytest
from django.utils import timezone

from reporting.rollup import rollup_refresh
from reporting.selectors import Scope, participation_report
from reporting.tables import trend_tables
from tests.reporting.helpers import period

pytestmark = pytest.mark.django_db

H1 = period(date(2026, 1, 1), date(2026, 6, 30))


def trends(**scope):
    rollup_refresh()
    return participation_report(scope=Scope(**scope), use_cache=False)[1]


def test_events_per_quarter(province):
    q1, q2 = trends(**H1).quarters

    assert (q1.start, q2.start) == (date(2026, 1, 1), date(2026, 4, 1))
    assert (q1.enrolments, q1.starts, q1.completions, q1.certificates) == (5, 3, 2, 1)
    assert (q2.enrolments, q2.starts, q2.completions, q2.certificates) == (2, 2, 1, 1)
    assert (q1.municipalities, q2.municipalities) == (3, 3)  # cumulative


def test_months_cover_the_period_even_when_empty(province):
    months = trends(**H1).months

    assert [m.start.month for m in months] == [1, 2, 3, 4, 5, 6]
    assert [m.enrolments for m in months] == [2, 1, 2, 1, 1, 0]
    assert [m.municipalities for m in months] == [1, 2, 3, 3, 3, 3]


def test_without_a_period_trends_run_to_this_month(province):
    months = trends().months

    assert months[0].start == date(2026, 1, 1)
    assert months[-1].start == timezone.localdate().replace(day=1)
    assert sum(m.starts for m in months) == 6  # emilie's start is recent


def test_trend_tables_label_months_and_quarters_in_french(province):
    by_month, by_quarter = trend_tables(trends(**H1))

    assert by_month.rows[0][0] == "janvier 2026"
    assert by_quarter.rows[1][0] == "T2 2026"
    assert by_month.headers[0] == "Mois"
