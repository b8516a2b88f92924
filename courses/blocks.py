"""The StreamField blocks a lesson body is made of.

Every block a lesson may hold is declared in ``LESSON_BODY_BLOCKS``: a later
block type (H5P content, for instance) is added there and nowhere else.
"""

import copy
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.grading import CompletionRule, GradingMethod
from courses.scorm.blocks import ScormBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "blocks/heading.html"


class VideoBlock(blocks.StructBlock):
    """A video, hosted here (a file with its WebVTT captions) or embedded from
    a video site (kept for existing lessons). Either way nothing of it is
    downloaded before the learner presses play (``blocks/video.html``)."""

    VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}

    file = DocumentChooserBlock(
        required=False,
        label=_("Fichier vidéo (MP4 ou WebM)"),
        help_text=_("Hébergé sur Virage : préférable pour les connexions lentes."),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Sous-titres (WebVTT)"),
        help_text=_("Fichier .vtt, obligatoire pour un fichier vidéo."),
    )
    video = EmbedBlock(
        required=False, label=_("Ou adresse de la vidéo (YouTube, Vimeo…)")
    )
    caption = blocks.CharBlock(required=False, label=_("Légende"))
    transcript = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        label=_("Transcription"),
        help_text=_("Obligatoire pour une vidéo intégrée depuis un autre site."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        hosted, embedded = value.get("file"), value.get("video")
        if hosted and embedded:
            errors["video"] = _(
                "Choisissez un fichier vidéo ou une adresse de vidéo, pas les deux."
            )
        elif not hosted and not embedded:
            errors["file"] = _("Ajoutez un fichier vidéo ou une adresse de vidéo.")
        if hosted and self.video_type(hosted) is None:
            errors["file"] = _("Le fichier vidéo doit être au format MP4 ou WebM.")
        captions = value.get("captions")
        if captions and not self.is_webvtt(captions):
            errors["captions"] = _(
                "Le fichier de sous-titres doit être au format WebVTT (.vtt) "
                "et commencer par « WEBVTT »."
            )
        elif hosted and not captions:
            errors["captions"] = _(
                "Les sous-titres WebVTT sont obligatoires pour un fichier vidéo."
            )
        if embedded and not hosted and not value.get("transcript"):
            errors["transcript"] = _(
                "Une vidéo intégrée depuis un autre site exige une transcription : "
                "ses sous-titres ne peuvent pas être vérifiés ici."
            )
        if errors:
            raise blocks.StructBlockValidationError(
                {name: ValidationError(message) for name, message in errors.items()}
            )
        return value

    @classmethod
    def video_type(cls, document):
        return cls.VIDEO_TYPES.get(f".{document.file_extension.lower()}")

    @staticmethod
    def is_webvtt(document) -> bool:
        if document.file_extension.lower() != "vtt":
            return False
        try:
            with document.file.open("rb") as handle:
                start = handle.read(9)
        except OSError:
            return False
        return start.removeprefix(b"\xef\xbb\xbf")[:6] == b"WEBVTT"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if value.get("file"):
            context["video_type"] = self.video_type(value["file"])
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        label=_("Titre affiché"),
        help_text=_("Titre du document si vide."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("tip", _("Conseil")),
            ("warning", _("Attention")),
        ],
        default="info",
        label=_("Type"),
    )
    title = blocks.CharBlock(required=False, label=_("Titre"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Texte"))

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "blocks/callout.html"


class H5PContentChooserBlock(SnippetChooserBlock):
    """Loads of an H5P content only what a lesson page shows (its title and
    its library's title): the JSON columns, a library's translations above
    all (hundreds of KB), are left in the database until something reads them.
    Migrations see a plain ``SnippetChooserBlock``."""

    canonical_module_path = "wagtail.snippets.blocks.SnippetChooserBlock"

    def bulk_to_python(self, values):
        from courses.cache import structure_cached

        # Titles are cached with the page tree: saving or deleting a content
        # or a library renews the structure's token (``courses.signals``).
        key = ",".join(str(value) for value in values)
        shown = structure_cached(f"h5p-titles:{key}", lambda: self._titles(values))
        contents = {row[0]: self._content(*row) for row in shown}
        # As Wagtail does: a content chosen twice gets two instances.
        return [copy.copy(contents.get(value)) for value in values]

    def _titles(self, values):
        return list(
            self.model_class.objects.filter(pk__in=values).values_list(
                "pk", "title", "main_library_id", "main_library__title"
            )
        )

    def _content(self, pk, title, library_id, library_title):
        """The content as ``.only("pk", "title", "main_library__title")``
        with its library selected would load it: anything else is read on
        access."""
        model = self.model_class
        content = model.from_db(
            None, ["id", "title", "main_library_id"], [pk, title, library_id]
        )
        library_model = model._meta.get_field("main_library").related_model
        library = library_model.from_db(
            None, ["id", "title"], [library_id, library_title]
        )
        content._state.fields_cache["main_library"] = library
        return content


class H5PBlock(blocks.StructBlock):
    """An H5P exercise; how its attempts are graded and what completes it."""

    content = H5PContentChooserBlock("courses.H5PContent", label=_("Contenu H5P"))
    grading_method = blocks.ChoiceBlock(
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
        label=_("Note retenue"),
    )
    completion_rule = blocks.ChoiceBlock(
        choices=CompletionRule.choices,
        default=CompletionRule.COMPLETED,
        label=_("Condition d'achèvement"),
    )
    pass_threshold = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        default=70,
        label=_("Score minimal (%)"),
        help_text=_("Utilisé si l'exercice doit être réussi."),
    )

    class Meta:
        icon = "form"
        label = _("Exercice interactif H5P")
        template = "blocks/h5p.html"


LESSON_BODY_BLOCKS = [
    ("heading", HeadingBlock()),
    (
        "paragraph",
        blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Texte enrichi")),
    ),
    ("image", ImageBlock(label=_("Image"))),
    ("video", VideoBlock()),
    ("document", DocumentBlock()),
    ("callout", CalloutBlock()),
    ("h5p", H5PBlock()),
    ("scorm", ScormBlock()),
]


@dataclass(frozen=True)
class H5PRules:
    """How one H5P block of a lesson is graded and completed."""

    block_id: str
    grading_method: str
    completion_rule: str
    pass_threshold: int


def h5p_rules(body) -> list[H5PRules]:
    """The H5P blocks of a lesson body with their rules, read from the stored
    JSON: no block is converted and no content fetched (this runs each time a
    learner finishes an exercise)."""
    defaults = {
        name: block.get_default()
        for name, block in H5PBlock.base_blocks.items()
        if name != "content"
    }
    rules = []
    for child in body.raw_data:
        if child.get("type") != "h5p":
            continue
        stored = {k: v for k, v in (child.get("value") or {}).items() if v is not None}
        value = {**defaults, **stored}
        rules.append(
            H5PRules(
                block_id=child.get("id") or "",
                grading_method=value["grading_method"],
                completion_rule=value["completion_rule"],
                pass_threshold=int(value["pass_threshold"]),
            )
        )
    return rules
