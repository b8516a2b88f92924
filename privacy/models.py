"""Law 25: the privacy notice and its officer, erasures done, exports asked
for, and the register of confidentiality incidents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField


class PrivacyNotice(models.Model):
    """One version of the privacy notice, in French and English. The highest
    published version is the one in force; publishing a higher number asks
    every signed-in learner to accept it again."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    published_at = models.DateTimeField(_("en vigueur depuis"))
    body_fr = RichTextField(_("texte (français)"))
    body_en = RichTextField(_("texte (anglais)"))
    changes = models.TextField(
        _("ce qui change"),
        blank=True,
        help_text=_("Montré aux personnes invitées à accepter cette version."),
    )

    class Meta:
        verbose_name = _("politique de confidentialité")
        verbose_name_plural = _("politiques de confidentialité")
        ordering = ["-version"]

    def __str__(self):
        return _("Politique de confidentialité, version %(version)s") % {
            "version": self.version
        }

    def body(self, language_code: str):
        return self.body_en if language_code.startswith("en") else self.body_fr


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """The person in charge of protecting personal information (Law 25, s. 3.1)."""

    officer_name = models.CharField(
        _("responsable de la protection des renseignements personnels"),
        max_length=200,
        blank=True,
    )
    officer_title = models.CharField(_("fonction"), max_length=200, blank=True)
    officer_email = models.EmailField(_("courriel"), blank=True)
    officer_phone = models.CharField(_("téléphone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("confidentialité")


class ErasureStatus(models.TextChoices):
    STARTED = "started", _("Commencé")
    DONE = "done", _("Terminé")


class Erasure(models.Model):
    """That an account was erased, by whom and how, naming no erased data:
    the account's opaque identifier only."""

    opaque_id = models.CharField(_("identifiant opaque"), max_length=40, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    requested_by = models.CharField(_("demandé par"), max_length=20)
    status = models.CharField(_("état"), max_length=10, choices=ErasureStatus.choices)
    counts = models.JSONField(_("traité"), default=dict)
    started_at = models.DateTimeField(_("commencé le"))
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("effacement")
        verbose_name_plural = _("effacements")
        ordering = ["-started_at"]

    def __str__(self):
        return self.opaque_id


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class DataExport(models.Model):
    """A learner's "Mes données" archive built by a Celery task (large ones)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="mes-donnees/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status == ExportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))


class RetentionRun(models.Model):
    """What one pass of the retention job did (counts only)."""

    ran_at = models.DateTimeField(_("exécuté le"))
    counts = models.JSONField(_("traité"), default=dict)

    class Meta:
        verbose_name = _("passage de conservation")
        verbose_name_plural = _("passages de conservation")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M}"


class IncidentRisk(models.TextChoices):
    UNASSESSED = "unassessed", _("Non évalué")
    LOW = "low", _("Faible")
    SERIOUS = "serious", _("Risque de préjudice sérieux")


class Incident(models.Model):
    """The register of confidentiality incidents (Law 25, s. 3.8)."""

    occurred_on = models.DateField(_("date de l'incident"))
    discovered_on = models.DateField(_("date de la prise de connaissance"))
    nature = models.TextField(_("nature de l'incident"))
    people_concerned = models.TextField(
        _("personnes concernées"),
        help_text=_("Nombre ou description; ne nommez personne sans nécessité."),
    )
    information_concerned = models.TextField(_("renseignements concernés"))
    risk = models.CharField(
        _("risque de préjudice sérieux"),
        max_length=12,
        choices=IncidentRisk.choices,
        default=IncidentRisk.UNASSESSED,
    )
    risk_assessment = models.TextField(_("évaluation du risque"), blank=True)
    measures = models.TextField(_("mesures prises"), blank=True)
    cai_notified_on = models.DateField(
        _("Commission d'accès à l'information avisée le"), null=True, blank=True
    )
    persons_notified_on = models.DateField(
        _("personnes concernées avisées le"), null=True, blank=True
    )
    recorded_at = models.DateTimeField(_("inscrit au registre le"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident de confidentialité")
        verbose_name_plural = _("registre des incidents de confidentialité")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self):
        return f"{self.occurred_on} — {self.nature[:60]}"
