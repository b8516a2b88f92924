from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from courses.roles import LearnerRole
from learners.text import search_key


class Region(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
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


class LearnerManager(UserManager):
    """Users sign in with their e-mail address."""

    def _create_user(self, email, password, **extra_fields):
        email = self.normalize_email(email)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Anyone with an account: learners, trainers, coordinators, administrators.

    A learner has a municipality and a role; staff may have neither.
    """

    username = None
    email = models.EmailField(_("adresse courriel"), unique=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipalité"),
        on_delete=models.PROTECT,
        related_name="learners",
        null=True,
        blank=True,
    )
    role = models.CharField(
        _("rôle"), max_length=30, choices=LearnerRole.choices, blank=True
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = LearnerManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_user_email_ci")
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_learner(self):
        return bool(self.municipality_id and self.role)
