from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from courses.roles import LearnerRole
from territory.models import Municipality


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
