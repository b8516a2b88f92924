"""The StreamField blocks a lesson body is made of.

Every block a lesson may hold is declared in ``LESSON_BODY_BLOCKS``: a later
block type (H5P content, for instance) is added there and nowhere else.
"""

from dataclasses import dataclass

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
    video = EmbedBlock(label=_("Adresse de la vidéo (YouTube, Vimeo…)"))
    caption = blocks.CharBlock(required=False, label=_("Légende"))
    transcript = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Transcription")
    )

    class Meta:
        icon = "media"
        label = _("Vidéo intégrée")
        template = "blocks/video.html"


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


class H5PBlock(blocks.StructBlock):
    """An H5P exercise; how its attempts are graded and what completes it."""

    content = SnippetChooserBlock("courses.H5PContent", label=_("Contenu H5P"))
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
