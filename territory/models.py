"""Québec's map: administrative regions, MRCs and local municipalities.

The tables keep the names they had when these models lived in ``learners``
(``db_table``), so moving the code moved no row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from territory.text import search_key


class Region(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        db_table = "learners_region"
        ordering = ["code"]
        verbose_name = _("région administrative")
        verbose_name_plural = _("régions administratives")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Mrc(models.Model):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="mrcs")

    class Meta:
        db_table = "learners_mrc"
        ordering = ["name"]
        verbose_name = _("MRC")
        verbose_name_plural = _("MRC")

    def __str__(self):
        return self.name


class PopulationClass(models.IntegerChoices):
    """Size classes; each value's lower bound is in ``POPULATION_CLASS_BOUNDS``."""

    UNDER_2K = 1, _("Moins de 2 000 habitants")
    FROM_2K = 2, _("2 000 à 9 999 habitants")
    FROM_10K = 3, _("10 000 à 24 999 habitants")
    FROM_25K = 4, _("25 000 à 99 999 habitants")
    FROM_100K = 5, _("100 000 habitants et plus")


POPULATION_CLASS_BOUNDS = [
    (PopulationClass.FROM_100K, 100_000),
    (PopulationClass.FROM_25K, 25_000),
    (PopulationClass.FROM_10K, 10_000),
    (PopulationClass.FROM_2K, 2_000),
    (PopulationClass.UNDER_2K, 0),
]


def population_class_of(population: int) -> PopulationClass:
    for population_class, lower_bound in POPULATION_CLASS_BOUNDS:
        if population >= lower_bound:
            return population_class
    return PopulationClass.UNDER_2K


class Municipality(models.Model):
    code = models.CharField(_("code géographique"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    designation = models.CharField(_("désignation"), max_length=40)
    population = models.PositiveIntegerField(_("population"))
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities"
    )
    mrc = models.ForeignKey(
        Mrc,
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
        help_text=_("Vide pour les territoires équivalents à une MRC."),
    )
    search_name = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        db_table = "learners_municipality"
        ordering = ["name"]
        verbose_name = _("municipalité")
        verbose_name_plural = _("municipalités")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def population_class(self) -> PopulationClass:
        return population_class_of(self.population)

    @property
    def label(self):
        """Name with designation and region, to tell homonyms apart."""
        return f"{self.name} ({self.designation}, {self.region.name})"
