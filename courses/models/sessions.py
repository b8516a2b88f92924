import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_check_in_code():
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(6))


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("En présence")
    VIRTUAL = "virtual", _("Classe virtuelle")


class TrainingSession(index.Indexed, models.Model):
    """A scheduled meeting of a module, in a room or online."""

    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    title = models.CharField(_("titre"), max_length=255, blank=True)
    session_format = models.CharField(
        _("formule"),
        max_length=20,
        choices=SessionFormat.choices,
        default=SessionFormat.IN_PERSON,
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    registration_deadline = models.DateTimeField(_("date limite d'inscription"))
    capacity = models.PositiveIntegerField(_("nombre de places"))
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formateur ou formatrice"),
        on_delete=models.PROTECT,
        related_name="sessions_given",
    )
    address = models.TextField(_("adresse"), blank=True)
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipalité"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    virtual_url = models.URLField(
        _("lien de la classe virtuelle"),
        blank=True,
        help_text=_("Montré seulement aux personnes inscrites."),
    )
    details = models.TextField(_("informations pratiques"), blank=True)
    check_in_code = models.CharField(
        _("code de présence"), max_length=8, default=new_check_in_code, editable=False
    )
    cancelled_at = models.DateTimeField(
        _("annulée le"),
        null=True,
        blank=True,
        help_text=_(
            "Les personnes inscrites et en liste d'attente en sont averties par "
            "courriel à l'enregistrement."
        ),
    )
    cancellation_reason = models.TextField(
        _("motif de l'annulation"),
        blank=True,
        help_text=_("Repris dans le courriel envoyé aux personnes inscrites."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    search_fields = [index.SearchField("title"), index.SearchField("address")]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gt=0), name="session_has_seats"
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M")
        return f"{self.display_title} — {start}"

    @property
    def display_title(self):
        return self.title or self.module.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("La séance doit finir après son début.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "La date limite d'inscription doit précéder le début de la séance."
            )
        if self.session_format == SessionFormat.IN_PERSON and not (
            self.address and self.municipality_id
        ):
            errors["address"] = _(
                "Une séance en présence a une adresse et une municipalité."
            )
        if self.session_format == SessionFormat.VIRTUAL and not self.virtual_url:
            errors["virtual_url"] = _("Une classe virtuelle a un lien.")
        if errors:
            raise ValidationError(errors)
