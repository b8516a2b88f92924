import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin
from wagtail.search import index

from courses.h5p.metadata import LICENSES, licence_label
from courses.scorm import VERSION_LABELS


class ScormPackage(PreviewableMixin, index.Indexed, models.Model):
    """A SCORM 1.2 or 2004 course imported from a zip; its files are stored
    under ``scorm/<uuid>/`` and served only on the player's origin."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titre"), max_length=255)
    version = models.CharField(
        _("version SCORM"), max_length=10, choices=list(VERSION_LABELS.items())
    )
    identifier = models.CharField(_("identifiant du manifeste"), max_length=255)
    licence = models.CharField(
        _("licence"),
        max_length=20,
        default="U",
        choices=[(code, licence_label(code)) for code in LICENSES],
    )
    author = models.CharField(_("auteur"), max_length=255, blank=True)
    metadata = models.JSONField(_("métadonnées du manifeste"), default=dict)
    files = models.JSONField(default=list)
    source_filename = models.CharField(_("fichier d'origine"), max_length=255)
    size_bytes = models.PositiveBigIntegerField(_("taille décompressée"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("importé le"), auto_now_add=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("contenu SCORM")
        verbose_name_plural = _("contenus SCORM")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def storage_path(self, path=""):
        return f"scorm/{self.uuid}/{path}"

    @property
    def version_label(self) -> str:
        return VERSION_LABELS.get(self.version, self.version)

    @property
    def is_2004(self) -> bool:
        return self.version.startswith("2004")

    @property
    def licence_label(self) -> str:
        return licence_label(self.licence)

    def get_preview_template(self, request, mode_name):
        return "courses/scorm/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["value"] = {
            "package": self,
            "completion_rule": "completed",
            "pass_threshold": 0,
        }
        return context


class ScormSco(models.Model):
    """One launchable item of a package's organization, in manifest order: a
    SCO (talks to the SCORM API) or an asset (complete once opened)."""

    package = models.ForeignKey(
        ScormPackage, on_delete=models.CASCADE, related_name="scos"
    )
    position = models.PositiveIntegerField()
    identifier = models.CharField(max_length=255)
    title = models.CharField(_("titre"), max_length=255)
    href = models.CharField(max_length=2000)
    is_sco = models.BooleanField(default=True)
    mastery_score = models.FloatField(null=True, blank=True)
    launch_data = models.TextField(blank=True)
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("SCO")
        verbose_name_plural = _("SCO")
        ordering = ["package", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["package", "identifier"], name="unique_scorm_sco_identifier"
            ),
            models.UniqueConstraint(
                fields=["package", "position"], name="unique_scorm_sco_position"
            ),
        ]

    def __str__(self):
        return self.title
