"""The coordinator dashboard: every figure, in total and broken down by
region, MRC, population class, role, learning path and theme.

Definitions (also on the page): over the period, a learner is *enrolled* when
they enrolled in a path, has *started* when they completed the first lesson of
a path, has *completed* when they completed a path, is *certified* when they
were issued a certificate that is not revoked; *active* means enrolled
during the period with a lesson completed or an xAPI statement received in the
last 30 days (so never more than enrolled); *elected officials trained* are
mayors and councillors who completed a path. A municipality *takes part* when
one of its learners enrolled. Roles are the learners' current roles, for every
figure (``PathCompletion.role`` is not used: one learner, one role, so that
breakdowns add up).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses.models import LearningPathPage, Theme
from courses.roles import LearnerRole
from reporting.privacy import fine_level
from reporting.selectors.counts import (
    attendance_by,
    counts_by_municipality_role,
    counts_by_path_and_theme,
)
from reporting.selectors.figures import COUNTS, Figures, Row
from reporting.selectors.scope import Place, Scope, places_in_scope
from reporting.selectors.tally import tallied, tally_learners
from territory.models import Mrc, PopulationClass, Region

DIMENSIONS = ("region", "mrc", "population_class", "role", "path", "theme")


@dataclass
class Overview:
    scope: Scope
    places: dict[int, Place]
    total: Figures
    fine: bool
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)
    first_months: Counter = field(default_factory=Counter)

    @property
    def funnel(self) -> list[tuple[str, int]]:
        t = self.total
        return [
            (_("Inscrites"), t.enrolled),
            (_("Ont commencé"), t.started),
            (_("Ont terminé"), t.completed),
            (_("Attestées"), t.certified),
        ]


def _place_keys(place: Place):
    return (
        ("total", None),
        ("region", place.region_id),
        ("mrc", place.mrc_id),
        ("population_class", place.population_class),
    )


def _tally(scope: Scope, places: dict[int, Place]) -> tuple[dict, Counter]:
    """Figures per (dimension, key), and the months municipalities first took
    part in (in the period). Rows (municipality × role) are added up per
    municipality first, then each municipality once into its places: the
    same sums, with a fraction of the additions."""
    tally, firsts = defaultdict(Figures), {}
    municipalities = defaultdict(Figures)
    if tallied(scope):  # one read of the tally for both
        learners, attendance = tally_learners(scope)
    else:
        learners = counts_by_municipality_role(scope)
        attendance = attendance_by(scope, "municipality_id", "role")
    for counts in learners:
        municipality_id, month = counts["municipality_id"], counts["first_month"]
        municipalities[municipality_id].add_learners(municipality_id, counts)
        tally[("role", counts["role"])].add_learners(municipality_id, counts)
        if month and (municipality_id not in firsts or month < firsts[municipality_id]):
            firsts[municipality_id] = month
    for municipality_id, figures in municipalities.items():
        counts = {name: getattr(figures, name) for name in COUNTS}
        for key in _place_keys(places[municipality_id]):
            tally[key].add_learners(municipality_id, counts)
    for municipality_id, role, registered, attended in attendance:
        for key in (*_place_keys(places[municipality_id]), ("role", role)):
            tally[key].add_attendance(registered, attended)
    return tally, Counter(firsts.values())


def _place_key(place: Place, dimension: str):
    if dimension == "population_class":
        return place.population_class
    return getattr(place, f"{dimension}_id")


def _geography_rows(dimension, labels, places, tally, scope) -> list[Row]:
    """Rows of a partition of the municipalities (regions, MRC, classes)."""
    covered = defaultdict(int)
    for place in places.values():
        covered[_place_key(place, dimension)] += 1
    rows = []
    for key, (code, label) in labels.items():
        if key not in covered:
            continue
        figures = tally.get((dimension, key)) or Figures()
        figures.municipalities = covered[key]
        fine = fine_level(municipalities=covered[key], one_role=bool(scope.role))
        rows.append(Row(key=key, code=code, label=label, figures=figures, fine=fine))
    return rows


def _labels(dimension: str) -> dict:
    """{key: (code, label)} of a geography dimension, in display order."""
    if dimension == "region":
        return {r.pk: (r.code, r.name) for r in Region.objects.all()}
    if dimension == "mrc":
        labels = {m.pk: (m.code, m.name) for m in Mrc.objects.order_by("name")}
        labels[None] = ("", _("Hors MRC (territoire équivalent)"))
        return labels
    return {int(c): (str(int(c)), c.label) for c in PopulationClass}


def _role_rows(tally, places, scope) -> list[Row]:
    roles = [LearnerRole(scope.role)] if scope.role else list(LearnerRole)
    rows = []
    for role in roles:
        figures = tally.get(("role", str(role))) or Figures()
        figures.municipalities = len(places)
        rows.append(
            Row(
                key=str(role),
                code=str(role),
                label=str(role.label),
                figures=figures,
                fine=fine_level(municipalities=len(places), one_role=True),
            )
        )
    return rows


def _figures(counts: dict[int, dict]) -> dict[int, Figures]:
    return {key: Figures(**values) for key, values in counts.items()}


def _with_attendance(scope, counts, key: str) -> dict[int, Figures]:
    """Figures per path or theme; the tally's counts carry their attendance."""
    figures = _figures(counts)
    if not tallied(scope):
        for item, registered, attended in attendance_by(scope, key):
            figures.setdefault(item, Figures()).add_attendance(registered, attended)
    return figures


def _path_rows(scope, places, fine, counts) -> list[Row]:
    figures = _with_attendance(scope, counts, "path_id")
    # The originals: a translation is the same path, not another row.
    paths = LearningPathPage.objects.filter(
        Q(live=True, locale=Locale.get_default()) | Q(pk__in=list(figures))
    )
    if scope.path_id:
        paths = paths.filter(pk=scope.path_id)
    if scope.theme_id:
        paths = paths.filter(theme_id=scope.theme_id)
    return [
        _keyed_row(pk, slug, title, figures, places, fine)
        for pk, slug, title in paths.order_by("title").values_list(
            "pk", "slug", "title"
        )
    ]


def _theme_rows(scope, places, fine, counts) -> list[Row]:
    figures = _with_attendance(scope, counts, "theme_id")
    themes = Theme.objects.all()
    if scope.theme_id:
        themes = themes.filter(pk=scope.theme_id)
    return [
        _keyed_row(pk, slug, name, figures, places, fine)
        for pk, slug, name in themes.values_list("pk", "slug", "name")
    ]


def _keyed_row(key, code, label, figures, places, fine) -> Row:
    row_figures = figures.get(key) or Figures()
    row_figures.municipalities = len(places)
    return Row(key=key, code=code, label=label, figures=row_figures, fine=fine)


def participation_overview(
    *, scope: Scope, dimensions: tuple[str, ...] = DIMENSIONS
) -> Overview:
    """Every figure of the scope, and the breakdowns asked for."""
    places = places_in_scope(scope)
    tally, first_months = _tally(scope, places)
    total = tally.get(("total", None)) or Figures()
    total.municipalities = len(places)
    fine = fine_level(municipalities=len(places), one_role=bool(scope.role))
    overview = Overview(
        scope=scope, places=places, total=total, fine=fine, first_months=first_months
    )
    keyed = ({}, {})
    if "path" in dimensions or "theme" in dimensions:
        keyed = counts_by_path_and_theme(scope)
    for dimension in dimensions:
        if dimension in ("region", "mrc", "population_class"):
            rows = _geography_rows(dimension, _labels(dimension), places, tally, scope)
        elif dimension == "role":
            rows = _role_rows(tally, places, scope)
        elif dimension == "path":
            rows = _path_rows(scope, places, fine, keyed[0])
        else:
            rows = _theme_rows(scope, places, fine, keyed[1])
        overview.breakdowns[dimension] = rows
    return overview


def participation_by_municipality(
    *, scope: Scope
) -> dict[int, tuple[Figures, dict[str, Figures]]]:
    """{municipality id: (its figures, {role: figures})}, for those with
    learners in scope."""
    result = {}
    for counts in counts_by_municipality_role(scope):
        municipality_id = counts["municipality_id"]
        total, by_role = result.setdefault(municipality_id, (Figures(), {}))
        total.add_learners(municipality_id, counts)
        by_role.setdefault(counts["role"], Figures()).add_learners(
            municipality_id, counts
        )
    return result
