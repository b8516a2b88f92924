from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class ExportJob(models.Model):
    """A large export built by a Celery task; only its requester may see it."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    table = models.CharField(_("tableau"), max_length=40)
    file_format = models.CharField(_("format"), max_length=4)
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipalité"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    params = models.JSONField(_("filtres"), default=dict)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a worker last claimed it: a job still running 30 minutes later has
    # lost its worker (``reporting.exports.service.ABANDONED_AFTER``).
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("exportation")
        verbose_name_plural = _("exportations")
        ordering = ["-created_at"]
        # The periodic sweep looks for running jobs claimed long ago.
        indexes = [
            models.Index(
                fields=["started_at"],
                condition=models.Q(status="running"),
                name="reporting_export_running",
            )
        ]

    def __str__(self):
        return f"{self.table}.{self.file_format} ({self.get_status_display()})"

    @property
    def finished(self):
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status == ExportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))
