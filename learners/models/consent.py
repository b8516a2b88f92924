from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    """What a learner's information is used for (the privacy notice states each).
    Training follow-up is required to use the platform; the others are choices."""

    TRAINING = "training", _("Suivi de ma formation (obligatoire)")
    SHARE_MUNICIPALITY = (
        "share_municipality",
        _(
            "Montrer ma progression, avec mon nom, à la personne répondante à la "
            "formation de ma municipalité"
        ),
    )
    EMAIL_REMINDERS = "email_reminders", _("Recevoir des rappels par courriel")


class ConsentSource(models.TextChoices):
    SIGN_UP = "sign_up", _("Inscription")
    PROFILE = "profile", _("Profil")
    NEW_NOTICE = "new_notice", _("Nouvelle version de la politique")


class LearnerConsent(models.Model):
    """A learner's current choices and the notice version they last accepted.
    No row: the person never answered (an account made by an import)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent",
        primary_key=True,
    )
    notice_version = models.PositiveIntegerField(_("version de la politique"))
    accepted_at = models.DateTimeField(_("acceptée le"))
    share_with_municipality = models.BooleanField(
        ConsentPurpose.SHARE_MUNICIPALITY.label, default=False
    )
    email_reminders = models.BooleanField(
        ConsentPurpose.EMAIL_REMINDERS.label, default=False
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")

    def __str__(self):
        return f"{self.user_id} v{self.notice_version}"


class ConsentChange(models.Model):
    """The history of a learner's consent, one row per purpose and decision,
    never edited: what was agreed to, under which notice version, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent_changes",
    )
    notice_version = models.PositiveIntegerField(_("version de la politique"))
    purpose = models.CharField(
        _("finalité"), max_length=30, choices=ConsentPurpose.choices
    )
    granted = models.BooleanField(_("accordé"))
    source = models.CharField(
        _("origine"), max_length=20, choices=ConsentSource.choices
    )
    at = models.DateTimeField(_("date"))

    class Meta:
        verbose_name = _("décision de consentement")
        verbose_name_plural = _("décisions de consentement")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self):
        return f"{self.user_id} {self.purpose}={self.granted} v{self.notice_version}"
