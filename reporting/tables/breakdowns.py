"""Breakdown tables (by region, MRC, size, role, path, theme), the funnel."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.privacy import fine_level, shown, suppress_partition
from reporting.selectors import Figures, Overview, Row
from reporting.tables.base import RATE, TEXT, Column, Table

MUNICIPALITY_COLUMNS = [
    Column("municipalities", gettext_lazy("Municipalités visées")),
    Column("participating", gettext_lazy("Municipalités participantes")),
    Column("participation_rate", gettext_lazy("Taux de participation (%)"), RATE),
    Column(
        "certified_municipalities",
        gettext_lazy("Municipalités avec une personne attestée"),
    ),
]
PEOPLE_COLUMNS = [
    Column("enrolled", gettext_lazy("Personnes inscrites")),
    Column("started", gettext_lazy("Ont commencé")),
    Column("completed", gettext_lazy("Ont terminé")),
    Column("certified", gettext_lazy("Attestées")),
    Column("active", gettext_lazy("Actives (30 jours)")),
    Column("elected_trained", gettext_lazy("Élu·e·s formé·e·s")),
    Column("registered", gettext_lazy("Inscriptions en présence")),
    Column("attended", gettext_lazy("Présences")),
]
ATTENDANCE_RATE = Column("attendance_rate", gettext_lazy("Taux de présence (%)"), RATE)
PARTITIONS = ("region", "mrc", "population_class", "role")

# (slug of the export, dimension, title, header of the first column)
BREAKDOWNS = [
    ("regions", "region", gettext_lazy("Par région"), gettext_lazy("Région")),
    ("mrc", "mrc", gettext_lazy("Par MRC"), gettext_lazy("MRC")),
    (
        "tailles",
        "population_class",
        gettext_lazy("Par taille de municipalité"),
        gettext_lazy("Taille"),
    ),
    ("roles", "role", gettext_lazy("Par rôle (rôle actuel)"), gettext_lazy("Rôle")),
    ("parcours", "path", gettext_lazy("Par parcours"), gettext_lazy("Parcours")),
    ("themes", "theme", gettext_lazy("Par thème"), gettext_lazy("Thème")),
]


def _column(counts, fine, partition, threshold):
    if threshold is None:
        return counts
    if partition and any(fine):
        return suppress_partition(counts, fine, threshold)
    return [
        shown(c, threshold=threshold, fine=f) for c, f in zip(counts, fine, strict=True)
    ]


def _people_values(
    rows, total, *, fine, total_fine, partition, threshold, municipalities
):
    """Column by column, the counts of people (rows, then the total), small
    cells hidden where ``fine``; in a partition, hidden ones cannot be worked
    out by subtraction either. Elected officials are a group of roles: in a
    single municipality, always hidden when small."""
    columns = []
    for column in PEOPLE_COLUMNS:
        elected = column.key == "elected_trained" and fine_level(
            municipalities=municipalities, one_role=True
        )
        counts = [getattr(figures, column.key) for figures in rows]
        cells = _column(
            counts, [True] * len(rows) if elected else fine, partition, threshold
        )
        count = shown(
            getattr(total, column.key), threshold=threshold, fine=total_fine or elected
        )
        columns.append([*cells, count])
    return [list(values) for values in zip(*columns, strict=True)]


def _attendance_rate(figures: Figures, people: list) -> float | None | str:
    registered, attended = people[-2], people[-1]
    if isinstance(registered, str) or isinstance(attended, str):
        return "—"
    return figures.attendance_rate


def _municipality_values(figures: Figures) -> list:
    return [getattr(figures, column.key) for column in MUNICIPALITY_COLUMNS]


def _columns(header: str, with_municipalities: bool) -> list[Column]:
    return [
        Column("label", str(header), TEXT),
        *(MUNICIPALITY_COLUMNS if with_municipalities else []),
        *PEOPLE_COLUMNS,
        ATTENDANCE_RATE,
    ]


def breakdown_table(
    *,
    slug: str,
    title: str,
    header: str,
    rows: list[Row],
    total: Figures,
    total_fine: bool = False,
    partition: bool = False,
    threshold: int | None = None,
    with_municipalities: bool = True,
    municipalities: int = 0,
) -> Table:
    """One line per row, then the total; ``threshold`` None: exact counts
    (for a municipality's own contact). ``municipalities``: how many the
    table covers."""
    people = _people_values(
        [row.figures for row in rows],
        total,
        fine=[row.fine for row in rows],
        total_fine=total_fine,
        partition=partition,
        threshold=threshold,
        municipalities=municipalities,
    )
    lines = []
    for figures, values in zip(
        [*(r.figures for r in rows), total], people, strict=True
    ):
        municipalities = _municipality_values(figures) if with_municipalities else []
        lines.append([*municipalities, *values, _attendance_rate(figures, values)])
    return Table(
        slug=slug,
        title=str(title),
        columns=_columns(header, with_municipalities),
        rows=[[row.label, *line] for row, line in zip(rows, lines[:-1], strict=True)],
        total=[_("Ensemble"), *lines[-1]],
    )


def overview_tables(overview: Overview, threshold: int | None) -> list[Table]:
    return [
        breakdown_table(
            slug=slug,
            title=title,
            header=header,
            rows=overview.breakdowns[dimension],
            total=overview.total,
            total_fine=overview.fine,
            partition=dimension in PARTITIONS,
            threshold=threshold,
            municipalities=len(overview.places),
        )
        for slug, dimension, title, header in BREAKDOWNS
        if dimension in overview.breakdowns
    ]


def funnel_table(overview: Overview, threshold: int | None) -> Table:
    steps = overview.funnel
    first = steps[0][1]
    rows = []
    for label, count in steps:
        cell = shown(count, threshold=threshold, fine=overview.fine)
        rate = round(100 * count / first, 1) if first else None
        rows.append([label, cell, "—" if isinstance(cell, str) else rate])
    return Table(
        slug="entonnoir",
        title=_("Entonnoir"),
        columns=[
            Column("step", _("Étape"), TEXT),
            Column("people", _("Personnes")),
            Column("rate", _("Part des inscrites (%)"), RATE),
        ],
        rows=rows,
    )


def municipality_tables(overview, threshold):
    """The role and path tables of a municipality page (and its exports)."""
    rows = overview.breakdowns
    common = {"total": overview.total, "total_fine": overview.fine, "municipalities": 1}
    return [
        breakdown_table(
            slug="roles",
            title=_("Par rôle (rôle actuel)"),
            header=_("Rôle"),
            rows=rows["role"],
            partition=True,
            threshold=threshold,
            with_municipalities=False,
            **common,
        ),
        breakdown_table(
            slug="parcours",
            title=_("Par parcours"),
            header=_("Parcours"),
            rows=rows["path"],
            threshold=threshold,
            with_municipalities=False,
            **common,
        ),
    ]
