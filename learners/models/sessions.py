from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Inscrit·e")
    WAITLISTED = "waitlisted", _("En liste d'attente")
    CANCELLED = "cancelled", _("Annulée")


class SessionRegistration(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_registrations",
    )
    session = models.ForeignKey(
        "courses.TrainingSession",
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=RegistrationStatus.choices
    )
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    cancellation_notice_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("présent·e"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_in_at = models.DateTimeField(
        _("présence déclarée le"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("inscription à une séance")
        verbose_name_plural = _("inscriptions aux séances")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "session"], name="unique_session_registration"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "requested_at"])]

    def __str__(self):
        return f"{self.user} — {self.session} ({self.get_status_display()})"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class EnrolmentImport(models.Model):
    """One uploaded CSV of enrolments, processed by a Celery task."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=list)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import d'inscriptions")
        verbose_name_plural = _("imports d'inscriptions")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"
