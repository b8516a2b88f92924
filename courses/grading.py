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


def grade(scores: list[float], method: str) -> float | None:
    """The block's score from its completed attempts' scaled scores, oldest
    first; ``None`` when no attempt is completed."""
    if not scores:
        return None
    if method == GradingMethod.AVERAGE:
        return sum(scores) / len(scores)
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.LAST:
        return scores[-1]
    return max(scores)
