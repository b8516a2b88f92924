from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from certification.codes import code_display


class Certificate(models.Model):
    """A certificate as issued: ``content`` is frozen then and drives every
    rendering, so later renames never change what was certified."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("titulaire"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    path = models.ForeignKey(
        "courses.LearningPathPage",
        verbose_name=_("parcours"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    content = models.JSONField(_("contenu"), encoder=DjangoJSONEncoder)
    issued_at = models.DateTimeField(_("émise le"))
    completed_at = models.DateTimeField(_("parcours terminé le"))
    pdf = models.FileField(_("PDF"), upload_to="attestations/%Y/%m/", blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_reason = models.TextField(_("motif de révocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("révoquée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_count = models.PositiveIntegerField(_("vérifications"), default=0)
    last_verified_at = models.DateTimeField(
        _("dernière vérification"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "path"], name="unique_certificate_per_learner_path"
            )
        ]
        permissions = [
            ("revoke_certificate", _("Peut révoquer une attestation")),
            ("reissue_certificate", _("Peut réémettre une attestation")),
        ]

    def __str__(self):
        return f"{self.holder_name} — {self.path_title}"

    @property
    def holder_name(self):
        return self.content.get("holder", {}).get("name", "")

    @property
    def path_title(self):
        return self.content.get("path", {}).get("title_fr", "")

    @property
    def display_code(self):
        return code_display(self.code)

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def status_label(self):
        return _("Révoquée") if self.is_revoked else _("Valide")


class CertificateAction(models.TextChoices):
    ISSUED = "issued", _("Émise")
    REVOKED = "revoked", _("Révoquée")
    REISSUED = "reissued", _("Réémise")
    RENDERED = "rendered", _("PDF produit de nouveau")
    BULK = "bulk", _("Émise par lot")


class CertificateEvent(models.Model):
    """What happened to a certificate, and who did it (None: the system)."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(
        _("action"), max_length=10, choices=CertificateAction.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("motif"), blank=True)
    at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("événement d'attestation")
        verbose_name_plural = _("événements d'attestation")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.certificate_id}"


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class CertificateBatch(models.Model):
    """A bulk (re)issue for every learner who completed a path."""

    path = models.ForeignKey(
        "courses.LearningPathPage",
        verbose_name=_("parcours"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reissue = models.BooleanField(_("réémettre les attestations existantes"))
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=BatchStatus.choices,
        default=BatchStatus.PENDING,
    )
    total = models.PositiveIntegerField(_("total"), default=0)
    processed = models.PositiveIntegerField(_("traitées"), default=0)
    issued = models.PositiveIntegerField(_("émises"), default=0)
    reissued = models.PositiveIntegerField(_("réémises"), default=0)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("émission par lot")
        verbose_name_plural = _("émissions par lot")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.path} — {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status == BatchStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))
