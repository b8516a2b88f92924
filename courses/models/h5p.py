import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin
from wagtail.search import index

from courses.h5p.metadata import licence_label
from courses.h5p.trust import FileChanges, files_sha256


def installer_label(user) -> str:
    """Who installed: a person, or the platform's operator (command line)."""
    return str(user) if user else str(_("opérateur"))


class H5PLibrary(models.Model):
    """One H5P library, stored once per machine name and major.minor version
    and shared by every content using it; a newer patch replaces its files."""

    machine_name = models.CharField(_("nom machine"), max_length=255)
    major_version = models.PositiveIntegerField(_("version majeure"))
    minor_version = models.PositiveIntegerField(_("version mineure"))
    patch_version = models.PositiveIntegerField(_("correctif"))
    title = models.CharField(_("titre"), max_length=255)
    runnable = models.BooleanField(_("exécutable"), default=False)
    library_json = models.JSONField(default=dict)
    semantics = models.JSONField(null=True, blank=True)
    preloaded_dependencies = models.JSONField(default=list)
    translations = models.JSONField(default=dict)
    files = models.JSONField(default=list)
    file_hashes = models.JSONField(_("empreintes SHA-256"), default=dict)
    origin_filename = models.CharField(
        _("paquet d'origine"), max_length=255, blank=True
    )
    installed_at = models.DateTimeField(_("installée le"), default=timezone.now)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("installée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bibliothèque H5P")
        verbose_name_plural = _("bibliothèques H5P")
        ordering = ["machine_name", "major_version", "minor_version"]
        permissions = [
            (
                "install_h5plibrary",
                _("Peut installer ou mettre à jour une bibliothèque H5P"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="unique_h5p_library_version",
            )
        ]

    def __str__(self):
        return f"{self.machine_name} {self.version}"

    @property
    def version(self):
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self):
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    def storage_path(self, path=""):
        """Each patch has its own folder, so replacing a library by a newer
        patch never leaves a half-written folder behind."""
        return f"h5p/libraries/{self.folder}.{self.patch_version}/{path}"

    @property
    def files_sha256(self):
        """One SHA-256 for all the files, to compare two installations."""
        return files_sha256(self.file_hashes) if self.file_hashes else ""

    @property
    def installer(self):
        return installer_label(self.installed_by)


class H5PLibraryInstall(models.Model):
    """One install or update of a library: the audit log, never edited.
    ``installed_by`` empty means the platform's operator (the command line)."""

    library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("bibliothèque"),
        on_delete=models.PROTECT,
        related_name="installs",
    )
    version_before = models.CharField(_("version remplacée"), max_length=40, blank=True)
    version_after = models.CharField(_("version installée"), max_length=40)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("installée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    installed_at = models.DateTimeField(_("date"), auto_now_add=True)
    origin_filename = models.CharField(
        _("paquet d'origine"), max_length=255, blank=True
    )
    files_added = models.JSONField(_("fichiers ajoutés"), default=list)
    files_removed = models.JSONField(_("fichiers supprimés"), default=list)
    files_modified = models.JSONField(_("fichiers modifiés"), default=list)

    class Meta:
        verbose_name = _("installation de bibliothèque H5P")
        verbose_name_plural = _("installations de bibliothèques H5P")
        ordering = ["-installed_at", "-pk"]

    def __str__(self):
        before = self.version_before or "—"
        return f"{self.library.machine_name} {before} → {self.version_after}"

    @property
    def installer(self):
        return installer_label(self.installed_by)

    @property
    def changes(self) -> FileChanges:
        return FileChanges(
            added=tuple(self.files_added),
            removed=tuple(self.files_removed),
            modified=tuple(self.files_modified),
        )


class H5PContent(PreviewableMixin, index.Indexed, models.Model):
    """An interactive exercise imported from a ``.h5p`` package."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titre"), max_length=255)
    main_library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("type de contenu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents")
    language = models.CharField(_("langue"), max_length=20, default="und")
    h5p_json = models.JSONField(default=dict)
    content_json = models.JSONField(default=dict)
    metadata = models.JSONField(_("licence et auteurs"), default=dict)
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
        verbose_name = _("contenu H5P")
        verbose_name_plural = _("contenus H5P")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def storage_path(self, path=""):
        return f"h5p/content/{self.uuid}/{path}"

    @property
    def licence(self):
        return self.metadata.get("license", "U")

    @property
    def licence_label(self) -> str:
        return licence_label(self.licence, self.metadata.get("licenseVersion", ""))

    @property
    def authors(self):
        return ", ".join(
            author.get("name", "") for author in self.metadata.get("authors", [])
        )

    def get_preview_template(self, request, mode_name):
        return "courses/h5p/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["value"] = {
            "content": self,
            "grading_method": "highest",
            "completion_rule": "completed",
            "pass_threshold": 0,
        }
        return context
