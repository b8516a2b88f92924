"""Small-cell suppression, the one place its rule lives.

A count of people that covers one municipality and one role (the
*municipality × role level*) could single someone out: fewer than
``REPORTING_SMALL_CELL`` people (default 5) are shown as "< 5" to
coordinators and in their exports. Elected officials are a group of roles
small enough to count as one. A municipality's own training contact sees
exact counts (and names). Pure functions, no database.
"""

from django.conf import settings
from django.utils.translation import gettext as _


def small_cell_threshold() -> int:
    return getattr(settings, "REPORTING_SMALL_CELL", None) or 5


def threshold_for(*, sees_names: bool) -> int | None:
    """The threshold a reader's counts are suppressed at; None (exact
    counts) for who may see the names anyway: the municipality's training
    contact."""
    return None if sees_names else small_cell_threshold()


def fine_level(*, municipalities: int, one_role: bool) -> bool:
    """Whether a count is at the municipality × role level, where small ones
    are hidden: one municipality, and one role (or the elected officials)."""
    return municipalities == 1 and one_role


def below(threshold: int) -> str:
    return _("< %(threshold)s") % {"threshold": threshold}


def at_least(threshold: int) -> str:
    return _("≥ %(threshold)s") % {"threshold": threshold}


def suppress(count: int, threshold: int | None = None) -> int | str:
    """``count``, or "< 5" when it could single someone out (1 to 4 people)."""
    threshold = threshold or small_cell_threshold()
    return below(threshold) if 0 < count < threshold else count


def shown(count: int, *, threshold: int | None, fine: bool) -> int | str:
    """``count`` as its reader may see it: suppressed when small at the
    ``fine`` level, exact when ``threshold`` is None."""
    return suppress(count, threshold) if threshold and fine else count


def suppress_partition(
    counts: list[int], hidden: list[bool], threshold: int | None = None
) -> list[int | str]:
    """Suppress the ``hidden``-eligible cells of a column whose total is shown.

    Cells partition the total, so one suppressed cell alone could be worked
    out by subtraction: then the smallest other cell is masked too, as "< 5"
    or "≥ 5" (both true, neither exact).
    """
    threshold = threshold or small_cell_threshold()
    cells: list[int | str] = [
        suppress(count, threshold) if fine else count
        for count, fine in zip(counts, hidden, strict=True)
    ]
    masked = [i for i, value in enumerate(cells) if isinstance(value, str)]
    if len(masked) != 1:
        return cells
    others = [i for i in range(len(counts)) if i != masked[0]]
    if not others:
        return cells
    partner = min(others, key=lambda i: counts[i])
    count = counts[partner]
    cells[partner] = below(threshold) if count < threshold else at_least(threshold)
    return cells


HEADLINE_PEOPLE = ("enrolled", "started", "completed", "certified", "active")


def headline(total, *, threshold: int | None, municipalities: int, one_role: bool):
    """The figures above a report's tables (``total``, a ``Figures``), small
    ones hidden at the municipality × role level; the attendance rate goes
    with a hidden registration count."""
    fine = fine_level(municipalities=municipalities, one_role=one_role)
    elected = fine_level(municipalities=municipalities, one_role=True)
    values = {
        name: shown(getattr(total, name), threshold=threshold, fine=fine)
        for name in HEADLINE_PEOPLE
    }
    values["elected_trained"] = shown(
        total.elected_trained, threshold=threshold, fine=elected
    )
    registered = shown(total.registered, threshold=threshold, fine=fine)
    values["attendance_rate"] = (
        "—" if isinstance(registered, str) else total.attendance_rate
    )
    return values
