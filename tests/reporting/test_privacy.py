"""Small-cell suppression, without a database."""

from django.test import override_settings

from reporting.privacy import small_cell_threshold, suppress, suppress_partition


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
