import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScormAttempt(models.Model):
    """A learner's attempt at one SCO of a SCORM block: the CMI data it last
    committed, in one vocabulary for 1.2 and 2004. A new attempt starts only
    when the previous one was finished without suspending."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scorm_attempts",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    sco = models.ForeignKey(
        "courses.ScormSco", on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveIntegerField(default=1)
    completion_status = models.CharField(max_length=20, default="not attempted")
    success_status = models.CharField(max_length=10, default="unknown")
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    exit = models.CharField(max_length=10, blank=True)
    total_seconds = models.FloatField(default=0)
    interactions = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tentative SCORM")
        verbose_name_plural = _("tentatives SCORM")
        ordering = ["user", "lesson", "block_id", "sco", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id", "sco", "number"],
                name="unique_scorm_attempt",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.sco} #{self.number}"

    @property
    def is_completed(self) -> bool:
        return self.completion_status == "completed"

    @property
    def is_finished(self) -> bool:
        """Closed for good: the next launch starts a new attempt."""
        return self.is_completed and self.exit not in ("suspend",)


class ScormLaunch(models.Model):
    """The server's record that a learner opened one SCO of a SCORM block of
    a lesson; commits count only under a valid launch of their own SCO. A
    commit's ``sequence`` makes re-sending it harmless."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    package = models.ForeignKey(
        "courses.ScormPackage", on_delete=models.CASCADE, related_name="+"
    )
    sco = models.ForeignKey(
        "courses.ScormSco", on_delete=models.CASCADE, related_name="+"
    )
    attempt = models.ForeignKey(
        ScormAttempt, on_delete=models.CASCADE, related_name="launches"
    )
    # The attempt's time before this session; a commit's session time adds
    # to it, so a re-sent commit does not count twice.
    base_seconds = models.FloatField(default=0)
    last_sequence = models.PositiveIntegerField(default=0)
    # This session's interactions (a resumed SCO counts its own from 0).
    interactions = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("lancement SCORM")
        verbose_name_plural = _("lancements SCORM")
        indexes = [models.Index(fields=["user", "expires_at"])]

    def __str__(self):
        return f"{self.user} — {self.lesson_id}/{self.block_id}/{self.sco_id}"
