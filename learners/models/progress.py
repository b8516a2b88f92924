from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.roles import LearnerRole


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Inscription par la personne")
    STAFF = "staff", _("Inscription par l'équipe")
    IMPORT = "import", _("Import CSV")


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    path = models.ForeignKey(
        "courses.LearningPathPage",
        verbose_name=_("parcours"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    source = models.CharField(
        max_length=10, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("inscription à un parcours")
        verbose_name_plural = _("inscriptions aux parcours")
        constraints = [
            models.UniqueConstraint(fields=["user", "path"], name="unique_enrolment")
        ]
        indexes = [models.Index(fields=["path", "created_at"])]

    def __str__(self):
        return f"{self.user} — {self.path}"


class CompletionSource(models.TextChoices):
    MANUAL = "manual", _("Marquée terminée")
    H5P = "h5p", _("Exercices H5P réussis")
    SCORM = "scorm", _("Contenus SCORM terminés")


class LessonCompletion(models.Model):
    """A fact: this learner finished this lesson. Never deleted by a rule change."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    source = models.CharField(max_length=10, choices=CompletionSource.choices)
    completed_at = models.DateTimeField(_("terminée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("leçon terminée")
        verbose_name_plural = _("leçons terminées")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="unique_lesson_completion"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson}"


class PathCompletion(models.Model):
    """When a learner first completed a path, and under which role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="path_completions",
    )
    path = models.ForeignKey(
        "courses.LearningPathPage", on_delete=models.CASCADE, related_name="completions"
    )
    role = models.CharField(max_length=30, choices=LearnerRole.choices)
    completed_at = models.DateTimeField(_("terminé le"))

    class Meta:
        verbose_name = _("parcours terminé")
        verbose_name_plural = _("parcours terminés")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "path"], name="unique_path_completion"
            )
        ]
        indexes = [models.Index(fields=["path", "completed_at"])]

    def __str__(self):
        return f"{self.user} — {self.path}"


class RoleChange(models.Model):
    """History of a learner's role: progress is recomputed, never erased."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_changes"
    )
    previous_role = models.CharField(
        max_length=30, choices=LearnerRole.choices, blank=True
    )
    new_role = models.CharField(max_length=30, choices=LearnerRole.choices)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at"]

    def __str__(self):
        return f"{self.user}: {self.previous_role} → {self.new_role}"
