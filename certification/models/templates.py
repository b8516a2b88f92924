from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

colour_validator = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Indiquez une couleur au format #RRVVBB.")
)


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """How certificates look: one per path, and one default (no path)."""

    name = models.CharField(_("nom"), max_length=100)
    path = models.ForeignKey(
        "courses.LearningPathPage",
        verbose_name=_("parcours"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Vide : modèle par défaut, pour les parcours sans modèle."),
    )
    heading_fr = models.CharField(
        _("titre (français)"), max_length=120, default="Attestation de réussite"
    )
    heading_en = models.CharField(
        _("titre (anglais)"), max_length=120, default="Certificate of completion"
    )
    body_fr = models.CharField(
        _("formule (français)"),
        max_length=255,
        default="a réussi le parcours de formation",
    )
    body_en = models.CharField(
        _("formule (anglais)"),
        max_length=255,
        default="has successfully completed the learning path",
    )
    issuer_name = models.CharField(_("émetteur"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("couleur principale"),
        max_length=7,
        default="#1F3A5F",
        validators=[colour_validator],
    )
    accent_colour = models.CharField(
        _("couleur d'accent"),
        max_length=7,
        default="#C8102E",
        validators=[colour_validator],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("path"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("heading_fr"), FieldPanel("heading_en")]),
                FieldRowPanel([FieldPanel("body_fr"), FieldPanel("body_en")]),
                FieldPanel("issuer_name"),
            ],
            heading=_("Libellés"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldRowPanel(
                    [FieldPanel("primary_colour"), FieldPanel("accent_colour")]
                ),
            ],
            heading=_("Apparence"),
        ),
        InlinePanel("signatories", label=_("Signataire"), max_num=3),
    ]

    class Meta:
        verbose_name = _("modèle d'attestation")
        verbose_name_plural = _("modèles d'attestation")
        constraints = [
            # Coalesce: the default template (no path) is unique too.
            models.UniqueConstraint(
                Coalesce("path", models.Value(0)),
                name="one_certificate_template_per_path",
                violation_error_message=_(
                    "Ce parcours a déjà un modèle (ou, sans parcours, il existe "
                    "déjà un modèle par défaut)."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def content(self) -> tuple[dict, list]:
        """The wording and signatories a certificate freezes from this template
        (the signatories as the inline panel holds them, saved or not)."""
        wording = {
            "heading_fr": self.heading_fr,
            "heading_en": self.heading_en,
            "body_fr": self.body_fr,
            "body_en": self.body_en,
            "issuer": self.issuer_name,
            "primary_colour": self.primary_colour,
            "accent_colour": self.accent_colour,
            "logo": _image(self.logo),
        }
        signatories = [
            {
                "name": signatory.name,
                "title_fr": signatory.title_fr,
                "title_en": signatory.title_en,
                "signature": _image(signatory.signature),
            }
            for signatory in self.signatories.all()
        ]
        return wording, signatories

    def serve_preview(self, request, mode_name):
        """The admin preview: a sample certificate, as a PDF. ``previews``
        takes the content and imports no model, so no import cycle."""
        from certification.previews import certificate_template_preview

        return certificate_template_preview(*self.content())


def _image(image) -> dict | None:
    if image is None:
        return None
    return {"file": image.file.name, "hash": image.file_hash}


class Signatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("nom"), max_length=120)
    title_fr = models.CharField(_("fonction (français)"), max_length=160)
    title_en = models.CharField(_("fonction (anglais)"), max_length=160)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("title_fr"), FieldPanel("title_en")]),
        FieldPanel("signature"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signataire")
        verbose_name_plural = _("signataires")

    def __str__(self):
        return self.name
