"""Small-cell suppression: no count of fewer than ``REPORTING_SMALL_CELL``
people (default 5) is shown at the municipality × role level, to coordinators
or in exports. Pure functions, no database."""

from django.conf import settings
from django.utils.translation import gettext as _


def small_cell_threshold() -> int:
    return getattr(settings, "REPORTING_SMALL_CELL", None) or 5


def below(threshold: int) -> str:
    return _("< %(threshold)s") % {"threshold": threshold}


def at_least(threshold: int) -> str:
    return _("≥ %(threshold)s") % {"threshold": threshold}


def suppress(count: int, threshold: int | None = None) -> int | str:
    """``count``, or "< 5" when it could single someone out (1 to 4 people)."""
    threshold = threshold or small_cell_threshold()
    return below(threshold) if 0 < count < threshold else count


def suppress_partition(
    counts: list[int], hidden: list[bool], threshold: int | None = None
) -> list[int | str]:
    """Suppress the ``hidden``-eligible cells of a column whose total is shown.

    Cells partition the total, so one suppressed cell alone could be worked
    out by subtraction: then the smallest other cell is masked too, as "< 5"
    or "≥ 5" (both true, neither exact).
    """
    threshold = threshold or small_cell_threshold()
    shown: list[int | str] = [
        suppress(count, threshold) if fine else count
        for count, fine in zip(counts, hidden, strict=True)
    ]
    masked = [i for i, value in enumerate(shown) if isinstance(value, str)]
    if len(masked) != 1:
        return shown
    others = [i for i in range(len(counts)) if i != masked[0]]
    if not others:
        return shown
    partner = min(others, key=lambda i: counts[i])
    count = counts[partner]
    shown[partner] = below(threshold) if count < threshold else at_least(threshold)
    return shown
