from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingContact(models.Model):
    """A learner who follows their own municipality's participation, names
    included. Access also requires that the person still belongs to it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="training_contact",
    )
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipalité"),
        on_delete=models.CASCADE,
        related_name="training_contacts",
    )
    created_at = models.DateTimeField(_("désignée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("répondant·e à la formation")
        verbose_name_plural = _("répondant·e·s à la formation")
        ordering = ["municipality__name"]

    def __str__(self):
        return f"{self.user} — {self.municipality}"

    def clean(self):
        super().clean()
        if not (self.user_id and self.municipality_id):
            return
        if self.user.municipality_id != self.municipality_id:
            raise ValidationError(
                {
                    "user": _(
                        "Cette personne n'appartient pas à cette municipalité : "
                        "choisissez une personne inscrite sous la municipalité."
                    )
                }
            )
