"""Trend tables: events per month and per quarter."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.selectors import Point, Trends
from reporting.tables.base import TEXT, Column, Table

TREND_COLUMNS = [
    Column("enrolments", gettext_lazy("Inscriptions")),
    Column("starts", gettext_lazy("Parcours commencés")),
    Column("completions", gettext_lazy("Parcours terminés")),
    Column("certificates", gettext_lazy("Attestations")),
    Column("municipalities", gettext_lazy("Municipalités participantes (cumul)")),
]


def month_label(point: Point) -> str:
    return formats.date_format(point.start, "F Y")


def quarter_label(point: Point) -> str:
    return _("T%(quarter)s %(year)s") % {
        "quarter": point.quarter,
        "year": point.start.year,
    }


def _table(slug, title, points, label, first_header):
    return Table(
        slug=slug,
        title=str(title),
        columns=[Column("period", str(first_header), TEXT), *TREND_COLUMNS],
        rows=[
            [label(point), *(getattr(point, c.key) for c in TREND_COLUMNS)]
            for point in points
        ],
    )


def trend_tables(trends: Trends) -> list[Table]:
    return [
        _table(
            "tendances-mois",
            _("Tendance par mois"),
            trends.months,
            month_label,
            _("Mois"),
        ),
        _table(
            "tendances-trimestres",
            _("Tendance par trimestre"),
            trends.quarters,
            quarter_label,
            _("Trimestre"),
        ),
    ]
