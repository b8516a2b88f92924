"""The SVG charts, without a database: accessible, escaped, robust."""

import pytest

from reporting.charts import (
    axis_ceiling,
    bar_chart,
    funnel_chart,
    line_chart,
    nice_ceiling,
)


def test_a_bar_chart_has_a_title_and_a_description_and_escapes_labels():
    svg = bar_chart(
        chart_id="g",
        title="Taux <par> région",
        description="Part des municipalités",
        bars=[("Côte-Nord & <Est>", 12.5), ("Laval", 0.0)],
        unit=" %",
        decimals=1,
    )

    assert 'role="img"' in svg and 'aria-labelledby="g-title g-desc"' in svg
    assert '<title id="g-title">Taux &lt;par&gt; région</title>' in svg
    assert "Côte-Nord &amp; &lt;Est&gt;" in svg
    assert "12,5 %" in svg
    assert svg.count("<rect") == 2


def test_a_hidden_or_missing_value_draws_no_bar():
    svg = bar_chart(
        chart_id="g", title="t", description="d", bars=[("A", "< 5"), ("B", None)]
    )

    assert "<rect" not in svg
    assert "&lt; 5" in svg and "—" in svg


def test_a_line_chart_of_nothing_still_renders():
    svg = line_chart(
        chart_id="t", title="t", description="d", labels=[], series=[("x", [])]
    )

    assert svg.startswith("<svg") and svg.endswith("</svg>")


def test_a_line_chart_draws_one_line_per_series():
    svg = line_chart(
        chart_id="t",
        title="t",
        description="d",
        labels=["janvier", "février"],
        series=[("Inscriptions", [3, 5]), ("Parcours terminés", [0, 1])],
    )

    assert svg.count("<polyline") == 2
    assert "Inscriptions" in svg


def test_the_funnel_gives_each_step_its_share_of_the_first():
    svg = funnel_chart(
        chart_id="f",
        title="t",
        description="d",
        steps=[("Inscrites", 200), ("Attestées", 50)],
    )

    assert "Inscrites : 200 (100,0 %)" in svg
    assert "Attestées : 50 (25,0 %)" in svg


def test_axes_use_round_numbers():
    assert [nice_ceiling(v) for v in (0, 3, 7, 12, 260)] == [1, 5, 10, 20, 500]
    assert [axis_ceiling(v) for v in (0, 2, 7, 130)] == [4, 4, 8, 200]


def test_time_labels_are_spaced_and_end_on_the_last_point():
    from reporting.charts import _labelled

    assert _labelled(0) == []
    assert _labelled(3) == [0, 1, 2]
    assert _labelled(11) == [0, 2, 4, 6, 8, 10]
    assert _labelled(12) == [0, 2, 4, 6, 8, 11]


@pytest.mark.parametrize("language", ["fr-ca", "en"])
def test_counts_read_as_django_formats_them_in_each_language(language):
    from django.utils import formats, translation

    from reporting.charts import number

    with translation.override(language):
        for value in (0, 7, -7, 999, 1000, -1122, 45_929, 1_234_567):
            expected = formats.number_format(
                value, 0, use_l10n=True, force_grouping=True
            )
            assert number(value) == expected
        assert number(45.3, 1) == formats.number_format(
            45.3, 1, use_l10n=True, force_grouping=True
        )
    with translation.override("fr-ca"):
        assert number(1122) == "1\xa0122"
