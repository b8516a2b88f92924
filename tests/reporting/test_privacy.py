"""Small-cell suppression, without a database."""

from types import SimpleNamespace

from django.test import override_settings

from reporting.privacy import (
    HEADLINE_PEOPLE,
    fine_level,
    headline,
    shown,
    small_cell_threshold,
    suppress,
    suppress_partition,
    threshold_for,
)


def test_counts_of_one_to_four_are_hidden():
    assert [suppress(n) for n in (0, 1, 4, 5, 12)] == [0, "< 5", "< 5", 5, 12]


@override_settings(REPORTING_SMALL_CELL=10)
def test_the_threshold_is_a_setting():
    assert small_cell_threshold() == 10
    assert suppress(9) == "< 10"


def test_a_single_hidden_cell_gets_a_partner_so_the_total_does_not_reveal_it():
    # 12 in total: 8 + 3 + 1 + 0 would give 3 back by subtraction.
    shown = suppress_partition([8, 3, 0], [True, True, True])

    assert shown == [8, "< 5", "< 5"]


def test_the_partner_of_a_hidden_cell_may_be_large():
    shown = suppress_partition([7, 2, 9], [True, True, True])

    assert shown == ["≥ 5", "< 5", 9]


def test_two_hidden_cells_need_no_partner():
    assert suppress_partition([1, 2, 9], [True, True, True]) == ["< 5", "< 5", 9]


def test_only_cells_at_the_municipality_role_level_are_hidden():
    assert suppress_partition([1, 3], [False, False]) == [1, 3]
    assert suppress_partition([1, 3, 6], [True, False, False]) == ["< 5", "< 5", 6]


def test_the_fine_level_is_one_municipality_and_one_role():
    assert fine_level(municipalities=1, one_role=True)
    assert not fine_level(municipalities=1, one_role=False)
    assert not fine_level(municipalities=2, one_role=True)
    assert not fine_level(municipalities=0, one_role=True)


def test_exact_counts_only_for_who_sees_the_names():
    assert threshold_for(sees_names=True) is None
    assert threshold_for(sees_names=False) == 5
    assert shown(3, threshold=None, fine=True) == 3
    assert shown(3, threshold=5, fine=False) == 3
    assert shown(3, threshold=5, fine=True) == "< 5"


def figures(**counts):
    values = dict.fromkeys((*HEADLINE_PEOPLE, "elected_trained", "registered"), 0)
    values.update(attendance_rate=50.0, **counts)
    return SimpleNamespace(**values)


def test_the_headline_hides_small_counts_of_one_municipality_and_role():
    total = figures(enrolled=3, completed=7, registered=2)

    values = headline(total, threshold=5, municipalities=1, one_role=True)

    assert (values["enrolled"], values["completed"]) == ("< 5", 7)
    assert values["attendance_rate"] == "—"  # it would reveal the hidden count


def test_elected_officials_of_one_municipality_are_hidden_without_a_role_filter():
    total = figures(enrolled=3, elected_trained=2)

    one_place = headline(total, threshold=5, municipalities=1, one_role=False)
    region = headline(total, threshold=5, municipalities=40, one_role=False)

    assert (one_place["enrolled"], one_place["elected_trained"]) == (3, "< 5")
    assert (region["elected_trained"], region["attendance_rate"]) == (2, 50.0)


def test_the_contact_reads_the_headline_exactly():
    total = figures(enrolled=3, elected_trained=2, registered=1)

    values = headline(total, threshold=None, municipalities=1, one_role=True)

    assert (values["enrolled"], values["elected_trained"]) == (3, 2)
    assert values["attendance_rate"] == 50.0
