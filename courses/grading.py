"""How an H5P block in a lesson turns attempts into a score (as Moodle's
mod_h5pactivity does): which attempts count. What completes the block, its
lesson, module and path is ``courses.completion``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Meilleure tentative")
    AVERAGE = "average", _("Moyenne des tentatives")
    FIRST = "first", _("Première tentative")
    LAST = "last", _("Dernière tentative")


class CompletionRule(models.TextChoices):
    COMPLETED = "completed", _("Exercice terminé")
    PASSED = "passed", _("Exercice réussi avec le score minimal")


def score_total(scores: list[float]) -> float:
    """The scores added oldest first, one after the other, as a learner's
    stored block result adds them as attempts close
    (``learners.H5PBlockResult``): the same floating-point sum to the last
    bit (``sum`` may add otherwise in a later Python)."""
    total = 0.0
    for score in scores:
        total += score
    return total


def grade(scores: list[float], method: str) -> float | None:
    """The block's score from its completed attempts' scaled scores, oldest
    first; ``None`` when no attempt is completed."""
    if not scores:
        return None
    if method == GradingMethod.AVERAGE:
        return score_total(scores) / len(scores)
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.LAST:
        return scores[-1]
    return max(scores)
