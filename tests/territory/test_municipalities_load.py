import csv

import pytest
from django.conf import settings
from django.core.management import call_command

from territory.models import Mrc, Municipality, PopulationClass, Region
from territory.services import municipalities_load

pytestmark = pytest.mark.django_db

DATA = settings.MUNICIPALITY_DATA_DIR


def test_loads_every_region_mrc_and_municipality():
    counts = municipalities_load(directory=DATA)

    assert (Region.objects.count(), Mrc.objects.count()) == (17, 87)
    assert Municipality.objects.count() == 1122
    assert counts.created == 17 + 87 + 1122


def test_loading_twice_changes_nothing():
    municipalities_load(directory=DATA)
    before = list(
        Municipality.objects.order_by("code").values_list(
            "id", "code", "name", "mrc_id"
        )
    )

    counts = municipalities_load(directory=DATA)

    assert (counts.created, counts.updated) == (0, 0)
    assert list(
        Municipality.objects.order_by("code").values_list(
            "id", "code", "name", "mrc_id"
        )
    ) == (before)


def test_a_changed_row_is_updated_in_place(tmp_path):
    municipalities_load(directory=DATA)
    for name in ("regions.csv", "mrcs.csv"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    rows = (DATA / "municipalities.csv").read_text(encoding="utf-8")
    (tmp_path / "municipalities.csv").write_text(
        rows.replace(
            "46005,Abercorn,Village,05,Estrie,Brome-Missisquoi,368",
            "46005,Abercorn,Village,05,Estrie,Brome-Missisquoi,400",
        ),
        encoding="utf-8",
    )

    counts = municipalities_load(directory=tmp_path)

    assert counts.updated == 1
    assert Municipality.objects.get(code="46005").population == 400


def test_codes_keep_leading_zeros_and_mrc_equivalents_have_no_mrc():
    municipalities_load(directory=DATA)
    with (DATA / "municipalities.csv").open(encoding="utf-8") as handle:
        without_mrc = sum(1 for row in csv.DictReader(handle) if not row["mrc"])

    gaspe = Municipality.objects.get(code="03005")
    assert gaspe.name == "Gaspé"
    assert gaspe.mrc.name == "La Côte-de-Gaspé"
    assert gaspe.region.name == "Gaspésie–Îles-de-la-Madeleine"
    assert Municipality.objects.filter(mrc__isnull=True).count() == without_mrc
    assert Municipality.objects.get(code="66023").mrc is None  # Montréal


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (0, PopulationClass.UNDER_2K),
        (1999, PopulationClass.UNDER_2K),
        (2000, PopulationClass.FROM_2K),
        (9999, PopulationClass.FROM_2K),
        (10000, PopulationClass.FROM_10K),
        (25000, PopulationClass.FROM_25K),
        (99999, PopulationClass.FROM_25K),
        (100000, PopulationClass.FROM_100K),
    ],
)
def test_population_class_bounds(population, expected):
    assert Municipality(population=population).population_class == expected


def test_command_reports_counts_and_is_idempotent(capsys):
    call_command("load_municipalities")
    call_command("load_municipalities")

    out = capsys.readouterr().out.splitlines()
    assert (
        out[-1] == "17 régions, 87 MRC, 1122 municipalités (0 créées, 0 mises à jour)."
    )
