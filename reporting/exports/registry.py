"""Every table that can be exported: how to build it, and how many rows it
will have (cheaply), to decide between a direct download and a Celery job."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from reporting.selectors import (
    Access,
    Scope,
    municipalities_absent,
    municipalities_in_scope,
    municipality_accounts,
    municipality_learners,
    participation_by_municipality,
    participation_overview,
    participation_report,
)
from reporting.tables import (
    Table,
    absent_table,
    funnel_table,
    learners_table,
    municipalities_table,
    municipality_tables,
    overview_tables,
    trend_tables,
)
from reporting.tables.breakdowns import BREAKDOWNS


@dataclass(frozen=True)
class Request:
    """What a table is built from: the filters, the municipality of a
    municipality page (else None), what the requester may see."""

    scope: Scope
    search: str = ""
    municipality: object = None
    access: Access = Access.AGGREGATES
    threshold: int | None = None


@dataclass(frozen=True)
class Export:
    build: Callable[[Request], Table]
    size: Callable[[Request], int] = lambda request: 0
    names: bool = False  # only for the municipality's own contact


def _breakdown(dimension):
    def build(request):
        overview = participation_overview(scope=request.scope, dimensions=(dimension,))
        return overview_tables(overview, request.threshold)[0]

    return build


def _funnel(request):
    overview = participation_overview(scope=request.scope, dimensions=())
    return funnel_table(overview, request.threshold)


def _trend(index):
    def build(request):
        _overview, trends = participation_report(scope=request.scope, dimensions=())
        return trend_tables(trends)[index]

    return build


def _municipalities(request):
    places = municipalities_in_scope(scope=request.scope, search=request.search)
    figures = participation_by_municipality(scope=request.scope)
    return municipalities_table(places.order_by("name"), figures, request.threshold)


def _absent(request):
    return absent_table(
        municipalities_absent(scope=request.scope, search=request.search)
    )


def _municipality_tables(index):
    def build(request):
        overview = participation_overview(
            scope=request.scope, dimensions=("role", "path")
        )
        return municipality_tables(overview, request.threshold)[index]

    return build


def _learners(request):
    lines = municipality_learners(
        municipality=request.municipality, scope=request.scope
    )
    table = learners_table(lines)
    table.title = f"{table.title} — {request.municipality.name}"
    return table


PROVINCE = {
    **{slug: Export(_breakdown(dimension)) for slug, dimension, *_ in BREAKDOWNS},
    "entonnoir": Export(_funnel),
    "tendances-mois": Export(_trend(0)),
    "tendances-trimestres": Export(_trend(1)),
    "municipalites": Export(
        _municipalities,
        lambda r: municipalities_in_scope(scope=r.scope, search=r.search).count(),
    ),
    "municipalites-absentes": Export(
        _absent,
        lambda r: municipalities_absent(scope=r.scope, search=r.search).count(),
    ),
}
MUNICIPALITY = {
    "roles": Export(_municipality_tables(0)),
    "parcours": Export(_municipality_tables(1)),
    "tendances-mois": Export(_trend(0)),
    "tendances-trimestres": Export(_trend(1)),
    "apprenants": Export(
        _learners,
        lambda r: municipality_accounts(
            municipality=r.municipality, scope=r.scope
        ).count(),
        names=True,
    ),
}


def filename(table_slug: str, file_format: str, municipality=None) -> str:
    stem = f"participation-{table_slug}"
    if municipality is not None:
        stem = f"participation-{slugify(municipality.name)}-{table_slug}"
    return f"{stem}.{file_format}"
