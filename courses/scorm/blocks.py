"""The lesson block that plays a SCORM package, and what completes it."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ScormCompletionRule(models.TextChoices):
    COMPLETED = "completed", _("Contenu terminé")
    PASSED = "passed", _("Contenu réussi")
    SCORE = "score", _("Score minimal atteint")


class ScormBlock(blocks.StructBlock):
    """A SCORM package; a multi-SCO package shows its table of contents."""

    package = SnippetChooserBlock("courses.ScormPackage", label=_("Contenu SCORM"))
    completion_rule = blocks.ChoiceBlock(
        choices=ScormCompletionRule.choices,
        default=ScormCompletionRule.COMPLETED,
        label=_("Condition d'achèvement"),
    )
    pass_threshold = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        default=70,
        label=_("Score minimal (%)"),
        help_text=_("Utilisé si la condition est « Score minimal atteint »."),
    )

    class Meta:
        icon = "form"
        label = _("Contenu SCORM")
        template = "courses/scorm/block.html"


@dataclass(frozen=True)
class ScormRules:
    block_id: str
    package_id: int | None
    completion_rule: str
    pass_threshold: int


def scorm_rules(body) -> list[ScormRules]:
    """The SCORM blocks of a lesson body with their rules, from the stored
    JSON: no block is converted and no package fetched."""
    rules = []
    for child in body.raw_data:
        if child.get("type") != "scorm":
            continue
        value = child.get("value") or {}
        package = value.get("package")
        rules.append(
            ScormRules(
                block_id=child.get("id") or "",
                package_id=package if isinstance(package, int) else None,
                completion_rule=value.get("completion_rule")
                or ScormCompletionRule.COMPLETED,
                pass_threshold=int(value.get("pass_threshold") or 0),
            )
        )
    return rules


def scorm_block_complete(items, *, rule: str, threshold: int) -> bool:
    """Whether a learner's items complete the block. ``items`` holds, per
    item of the package, ``(is_sco, completion_status, success_status,
    score_scaled)``.

    Every item must be completed (an asset once opened). "passed" also wants
    no SCO failed and at least one passed; "score" the mean of the SCOs'
    scaled scores at least ``threshold`` %.
    """
    items = list(items)
    if not items or any(status != "completed" for _sco, status, _s, _x in items):
        return False
    scos = [item for item in items if item[0]]
    if rule == ScormCompletionRule.PASSED:
        successes = [success for _sco, _c, success, _x in scos]
        return "passed" in successes and "failed" not in successes
    if rule == ScormCompletionRule.SCORE:
        scores = [score for _sco, _c, _s, score in scos if score is not None]
        return bool(scores) and sum(scores) / len(scores) >= threshold / 100
    return True
