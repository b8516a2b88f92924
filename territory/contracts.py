"""What other apps may filter municipalities by: a geography (one
municipality, a region, an MRC, a size class) as a ``Q`` over territory's own
fields, on municipalities or through a foreign key to one. Reporting narrows
its rows with it instead of naming territory's fields and size bounds itself."""

from django.db.models import Q

from territory.models import POPULATION_CLASS_BOUNDS, PopulationClass


def population_range(population_class: int) -> tuple[int, int | None]:
    """[lower, upper) population of a size class; upper is None for the
    largest."""
    lower = dict(POPULATION_CLASS_BOUNDS)[PopulationClass(population_class)]
    higher = [bound for _class, bound in POPULATION_CLASS_BOUNDS if bound > lower]
    return lower, (min(higher) if higher else None)


def municipality_q(
    *,
    via: str = "",
    municipality_id: int | None = None,
    region_id: int | None = None,
    mrc_id: int | None = None,
    population_class: int | None = None,
) -> Q:
    """Municipalities (or rows whose foreign key ``via`` points to one) in
    all the geographies given; no geography, no condition."""
    prefix = f"{via}__" if via else ""
    q = Q()
    if municipality_id:
        q &= Q(**{f"{prefix}id": municipality_id})
    if region_id:
        q &= Q(**{f"{prefix}region_id": region_id})
    if mrc_id:
        q &= Q(**{f"{prefix}mrc_id": mrc_id})
    if population_class:
        lower, upper = population_range(population_class)
        q &= Q(**{f"{prefix}population__gte": lower})
        if upper is not None:
            q &= Q(**{f"{prefix}population__lt": upper})
    return q
