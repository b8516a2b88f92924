"""The learner roles the catalogue is written for.

They live here, in the app that imports no other, because learning paths state
for each role whether they are required; ``learners`` gives each learner one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerRole(models.TextChoices):
    MAYOR = "mayor", _("Élu·e — maire ou mairesse")
    COUNCILLOR = "councillor", _("Élu·e — conseiller ou conseillère")
    DIRECTOR_GENERAL = "director_general", _("Direction générale")
    MANAGER = "manager", _("Gestionnaire")
    EMPLOYEE = "employee", _("Employé·e municipal·e")

    @classmethod
    def elected(cls):
        return (cls.MAYOR, cls.COUNCILLOR)


class RoleRequirement(models.TextChoices):
    REQUIRED = "required", _("Obligatoire")
    RECOMMENDED = "recommended", _("Recommandé")
    OPTIONAL = "optional", _("Facultatif")
