"""Loading the MAMH reference files into regions, MRCs and municipalities."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from territory.models import Mrc, Municipality, Region
from territory.text import search_key


@dataclass(frozen=True)
class LoadCounts:
    regions: int
    mrcs: int
    municipalities: int
    created: int
    updated: int


def _read_csv(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _sync(model, rows, fields):
    """Create or update ``model`` rows keyed by ``code``; return (created, updated)."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for values in rows:
        obj = existing.get(values["code"])
        if obj is None:
            to_create.append(model(**values))
            continue
        if any(getattr(obj, field) != values[field] for field in fields):
            for field in fields:
                setattr(obj, field, values[field])
            to_update.append(obj)
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, fields)
    return len(to_create), len(to_update)


@transaction.atomic
def municipalities_load(*, directory: Path) -> LoadCounts:
    """Load regions, MRCs and municipalities from MAMH's CSV files.

    Idempotent: rows are keyed by their official code; loading the same files
    again changes nothing.
    """
    created = updated = 0
    region_rows = [
        {"code": row["region_code"], "name": row["region_name"]}
        for row in _read_csv(directory / "regions.csv")
    ]
    c, u = _sync(Region, region_rows, ["name"])
    created, updated = created + c, updated + u
    regions = {region.code: region for region in Region.objects.all()}

    mrc_rows = [
        {
            "code": row["mrc_code"],
            "name": row["mrc"],
            "region_id": regions[row["region_code"]].id,
        }
        for row in _read_csv(directory / "mrcs.csv")
    ]
    c, u = _sync(Mrc, mrc_rows, ["name", "region_id"])
    created, updated = created + c, updated + u
    mrcs = {(mrc.region_id, mrc.name): mrc for mrc in Mrc.objects.all()}

    municipality_rows = []
    for row in _read_csv(directory / "municipalities.csv"):
        region = regions[row["region_code"]]
        municipality_rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "designation": row["designation"],
                "population": int(row["population"] or 0),
                "region_id": region.id,
                "mrc_id": mrcs[(region.id, row["mrc"])].id if row["mrc"] else None,
                "search_name": search_key(row["name"]),
            }
        )
    c, u = _sync(
        Municipality,
        municipality_rows,
        ["name", "designation", "population", "region_id", "mrc_id", "search_name"],
    )
    return LoadCounts(
        regions=len(regions),
        mrcs=len(mrcs),
        municipalities=Municipality.objects.count(),
        created=created + c,
        updated=updated + u,
    )
