"""XLSX exports read well when opened: columns as wide as their content and a
filter on the header row."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from reporting.exports import to_xlsx
from reporting.exports.formats import MAX_WIDTH
from reporting.rollup import rollup_refresh
from reporting.tables import TEXT, Column, Table


def read_back(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_columns_are_as_wide_as_their_longest_value():
    long_name = "Saint-Jean-de-la-Lande-de-Beauce (municipalité)"
    table = Table(
        slug="t",
        title="Municipalités",
        columns=[Column("name", "Nom", TEXT), Column("n", "Personnes inscrites")],
        rows=[[long_name, 3], ["Gaspé", 1122]],
        total=["Total", 1125],
    )

    sheet = read_back(to_xlsx(table))

    assert sheet.column_dimensions["A"].width >= len(long_name)
    assert sheet.column_dimensions["B"].width >= len("Personnes inscrites")
    assert sheet.auto_filter.ref == "A1:B4"


def test_a_very_long_value_does_not_make_a_huge_column():
    table = Table(
        slug="t",
        title="T",
        columns=[Column("name", "Nom", TEXT)],
        rows=[["x" * 500]],
    )

    sheet = read_back(to_xlsx(table))

    assert sheet.column_dimensions["A"].width == MAX_WIDTH


@pytest.mark.django_db
@override_settings(REPORTING_EXPORT_ASYNC_ROWS=10_000)
def test_the_municipalities_export_has_a_filter_and_a_readable_first_column(
    client, province, coordinator
):
    rollup_refresh()
    client.force_login(coordinator)

    response = client.get(reverse("reporting:export", args=["municipalites", "xlsx"]))

    sheet = read_back(response.content)
    assert sheet.auto_filter.ref == sheet.dimensions
    assert sheet.auto_filter.ref.startswith("A1:")
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sheet.column_dimensions["B"].width >= max(len(n) for n in names)
    assert sheet.column_dimensions["A"].width >= len("Code géographique")
