"""Every figure and breakdown against the hand-computed province of
``fixtures.py`` (its docstring is the worked example)."""

from datetime import date

import pytest

from territory.models import Municipality, Region
from tests.reporting.helpers import expected, figures, overview, period, row

pytestmark = pytest.mark.django_db

Q1 = period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = period(date(2026, 4, 1), date(2026, 6, 30))
FEB_MAY = period(date(2026, 2, 1), date(2026, 5, 31))


def test_totals_all_time(province):
    result = overview()

    assert result.total.municipalities == 1122
    assert figures(result.total) == expected(
        participating=3,
        certified_municipalities=2,
        enrolled=5,
        started=4,
        completed=2,
        certified=2,  # alice (p1), denis (p2); denis's p1 certificate is revoked
        active=2,  # alice, emilie; felix is active but enrolled nowhere
        elected_trained=1,  # alice; denis completed p1 as a councillor, now manager
        registered=4,
        attended=2,
    )
    assert result.total.participation_rate == 0.3
    assert result.total.attendance_rate == 50.0


def test_first_quarter(province):
    assert figures(overview(**Q1).total) == expected(
        participating=3,
        certified_municipalities=1,
        enrolled=4,
        started=2,  # alice (twice: p1 and p3, counted once), denis
        completed=2,
        certified=1,  # denis's certificate of the quarter is revoked
        active=2,
        elected_trained=1,
        registered=2,
        attended=1,
    )


def test_second_quarter(province):
    assert figures(overview(**Q2).total) == expected(
        participating=2,
        certified_municipalities=1,
        enrolled=2,  # chloe, denis (p2; his p1 enrolment was before)
        started=2,  # bruno, denis
        completed=1,
        certified=1,
        active=0,  # alice and emilie are active, but enrolled before April
        registered=2,
        attended=1,
    )


def test_a_period_across_quarters_counts_each_learner_once(province):
    assert figures(overview(**FEB_MAY).total) == expected(
        participating=3,
        certified_municipalities=2,
        enrolled=4,  # denis twice, alice (p3), emilie, chloe
        started=3,  # denis twice, bruno, alice (p3)
        completed=2,
        certified=2,
        active=2,
        elected_trained=1,
        registered=4,  # S1 (02-10) and S2 (05-05)
        attended=2,
    )


def test_by_region(province):
    result = overview()
    beauce = row(result, "region", "12")
    gaspesie = row(result, "region", "11")

    assert len(result.breakdowns["region"]) == 17
    assert beauce.figures.municipalities == 136
    assert figures(beauce.figures) == expected(
        participating=2,
        certified_municipalities=2,
        enrolled=4,
        started=3,
        completed=2,
        certified=2,
        active=1,
        elected_trained=1,
        registered=3,
        attended=2,
    )
    assert figures(gaspesie.figures) == expected(
        participating=1, enrolled=1, started=1, active=1, registered=1
    )
    assert figures(row(result, "region", "13").figures) == expected()


def test_by_mrc_with_the_municipalities_of_each(province):
    result = overview()
    beauce = row(result, "mrc", Municipality.objects.get(code="26022").mrc.code)

    assert beauce.label == "La Nouvelle-Beauce"
    assert beauce.figures.municipalities == 11
    assert beauce.figures.participating == 2
    assert round(beauce.figures.participation_rate, 1) == 18.2
    assert sum(r.figures.municipalities for r in result.breakdowns["mrc"]) == 1122


def test_by_population_class(province):
    result = overview()

    small = row(result, "population_class", 2)  # Saint-Elzéar, 2 845
    medium = row(result, "population_class", 3)  # Sainte-Marie and Gaspé
    assert figures(small.figures) == expected(
        participating=1,
        certified_municipalities=1,
        enrolled=3,
        started=2,
        completed=1,
        certified=1,
        active=1,
        elected_trained=1,
        registered=2,
        attended=1,
    )
    assert (medium.figures.enrolled, medium.figures.participating) == (2, 2)
    assert medium.figures.certified_municipalities == 1


def test_by_current_role(province):
    result = overview()

    assert figures(row(result, "role", "manager").figures) == expected(
        participating=1,
        certified_municipalities=1,
        enrolled=1,
        started=1,
        completed=1,
        certified=1,
        registered=1,
        attended=1,
    )
    councillors = row(result, "role", "councillor").figures
    assert (councillors.enrolled, councillors.completed) == (1, 0)  # bruno only
    mayors = row(result, "role", "mayor").figures
    assert (mayors.enrolled, mayors.elected_trained) == (1, 1)
    assert row(result, "role", "employee").figures.enrolled == 1  # chloe


def test_by_path(province):
    result = overview()

    assert figures(row(result, "path", province["p1"].slug).figures) == expected(
        participating=2,
        certified_municipalities=1,
        enrolled=3,
        started=3,
        completed=2,
        certified=1,  # alice; denis's is revoked
        active=1,
        elected_trained=1,
        registered=2,
        attended=1,
    )
    assert figures(row(result, "path", province["p2"].slug).figures) == expected(
        participating=3,
        certified_municipalities=1,
        enrolled=3,
        started=2,
        completed=1,
        certified=1,
        active=1,
        registered=2,
        attended=1,
    )
    assert figures(row(result, "path", province["p3"].slug).figures) == expected(
        participating=1, enrolled=1, started=1, active=1
    )


def test_by_theme_counts_a_learner_once_across_its_paths(province):
    result = overview()
    cyber = row(result, "theme", "cybersecurite").figures

    assert figures(cyber) == expected(
        participating=2,
        certified_municipalities=1,
        enrolled=3,  # alice (two paths), bruno, denis
        started=3,
        completed=2,
        certified=1,
        active=1,
        elected_trained=1,
        registered=2,
        attended=1,
    )
    q1 = row(overview(**Q1), "theme", "cybersecurite").figures
    assert (q1.enrolled, q1.started) == (3, 2)


@pytest.mark.parametrize(
    ("scope", "enrolled", "participating"),
    [
        ({"role": "employee"}, 1, 1),
        ({"population_class": 3}, 2, 2),
        ({"theme_slug": "cybersecurite"}, 3, 2),
        ({"path": "p2"}, 3, 3),
        ({"region_code": "11"}, 1, 1),
    ],
)
def test_filters(province, scope, enrolled, participating):
    if "theme_slug" in scope:
        from courses.models import Theme

        scope = {"theme_id": Theme.objects.get(slug=scope["theme_slug"]).pk}
    if "path" in scope:
        scope = {"path_id": province[scope["path"]].pk}
    if "region_code" in scope:
        scope = {"region_id": Region.objects.get(code=scope["region_code"]).pk}

    total = overview(**scope).total

    assert (total.enrolled, total.participating) == (enrolled, participating)


def test_filtered_region_narrows_denominators(province):
    result = overview(region_id=Region.objects.get(code="12").pk)

    assert result.total.municipalities == 136
    assert [r.code for r in result.breakdowns["region"]] == ["12"]
    assert {r.figures.municipalities for r in result.breakdowns["role"]} == {136}


def test_a_path_filter_keeps_every_enrolment_of_that_path(province):
    total = overview(path_id=province["p3"].pk, **Q1).total

    assert (total.enrolled, total.started) == (1, 1)  # alice, though she had p1 first
