"""Tables of municipalities: all of them with their figures, those not taking
part, and one municipality's learners (for its training contact)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.roles import LearnerRole
from reporting.privacy import suppress_partition
from reporting.tables.base import DATE, TEXT, Column, Table
from territory.models import PopulationClass, population_class_of

PLACE_COLUMNS = [
    Column("code", gettext_lazy("Code géographique"), TEXT),
    Column("name", gettext_lazy("Municipalité"), TEXT),
    Column("designation", gettext_lazy("Désignation"), TEXT),
    Column("region", gettext_lazy("Région"), TEXT),
    Column("mrc", gettext_lazy("MRC"), TEXT),
    Column("population", gettext_lazy("Population")),
    Column("size", gettext_lazy("Taille"), TEXT),
]
NAME_COLUMN = 1  # rows are headed (and linked) by the name, not the code
TOTAL_COLUMNS = ("enrolled", "started", "completed", "certified", "active")
ROLE_COLUMNS = ("enrolled", "completed")


def _place_columns():
    return list(PLACE_COLUMNS)


def _place_values(municipality) -> list:
    return [
        municipality.code,
        municipality.name,
        municipality.designation,
        municipality.region.name,
        municipality.mrc.name if municipality.mrc_id else "",
        municipality.population,
        PopulationClass(population_class_of(municipality.population)).label,
    ]


def _figure_labels():
    return {
        "enrolled": _("Personnes inscrites"),
        "started": _("Ont commencé"),
        "completed": _("Ont terminé"),
        "certified": _("Attestées"),
        "active": _("Actives (30 jours)"),
    }


def municipalities_table(municipalities, figures, threshold) -> Table:
    """Every municipality of the scope; per-role counts are at the
    municipality × role level, so small ones are hidden (``threshold``)."""
    labels = _figure_labels()
    columns = _place_columns() + [Column(key, labels[key]) for key in TOTAL_COLUMNS]
    for role in LearnerRole:
        columns += [
            Column(f"{key}_{role}", f"{labels[key]} — {role.label}")
            for key in ROLE_COLUMNS
        ]
    rows = []
    for municipality in municipalities:
        total, by_role = figures.get(municipality.pk, (None, {}))
        row = _place_values(municipality)
        row += [getattr(total, key, 0) if total else 0 for key in TOTAL_COLUMNS]
        per_role = []
        for key in ROLE_COLUMNS:
            counts = [getattr(by_role.get(str(r)), key, 0) for r in LearnerRole]
            per_role.append(
                suppress_partition(counts, [True] * len(counts), threshold)
                if threshold
                else counts
            )
        for values in zip(*per_role, strict=True):
            row += list(values)
        rows.append(row)
    return Table(
        slug="municipalites",
        title=_("Municipalités"),
        columns=columns,
        rows=rows,
        row_header=NAME_COLUMN,
    )


def absent_table(municipalities) -> Table:
    return Table(
        slug="municipalites-absentes",
        title=_("Municipalités qui ne participent pas"),
        columns=_place_columns() + [Column("accounts", _("Comptes d'apprenant·e"))],
        rows=[
            [*_place_values(municipality), municipality.accounts]
            for municipality in municipalities
        ],
        row_header=NAME_COLUMN,
    )


def learners_table(lines) -> Table:
    return Table(
        slug="apprenants",
        title=_("Personnes inscrites"),
        columns=[
            Column("name", _("Nom"), TEXT),
            Column("email", _("Courriel"), TEXT),
            Column("role", _("Rôle"), TEXT),
            Column("enrolled", _("Parcours : inscriptions")),
            Column("started", _("Parcours commencés")),
            Column("completed", _("Parcours terminés")),
            Column("certified", _("Attestations")),
            Column("last_active_at", _("Dernière activité"), DATE),
        ],
        rows=[
            [
                line.name,
                line.email,
                line.role,
                line.enrolled,
                line.started,
                line.completed,
                line.certified,
                _date(line.last_active_at),
            ]
            for line in lines
        ],
    )


def _date(value) -> str:
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "Y-m-d")
