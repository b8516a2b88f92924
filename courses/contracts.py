"""What other apps may read of the catalogue: reporting's rollups join
learning paths (for their theme) and training sessions in plain SQL, and
flatten the page tree (which path each module and lesson belongs to). Table
and column names come from the models' ``_meta``; renaming a field listed
here changes this contract, and ``tests/test_reporting_contracts.py`` checks
every name a reader uses."""

from core.columns import Columns
from courses.models import (
    LearningPathPage,
    LessonPage,
    ModulePage,
    SessionFormat,
    TrainingSession,
)

LEARNING_PATH = Columns(LearningPathPage, "pk", "theme")
TRAINING_SESSION = Columns(
    TrainingSession,
    "pk",
    "module",
    "session_format",
    "starts_at",
    "ends_at",
    "cancelled_at",
)

IN_PERSON = SessionFormat.IN_PERSON.value

CONTRACTS = (LEARNING_PATH, TRAINING_SESSION)


def path_of_pages() -> dict[int, int]:
    """{module or lesson page id: id of the learning path above it}, drafts
    included, from the page tree's materialised paths."""
    paths = dict(LearningPathPage.objects.values_list("path", "pk"))
    steplen = LearningPathPage.steplen
    found = {}
    for model in (ModulePage, LessonPage):
        for pk, tree_path in model.objects.values_list("pk", "path"):
            for end in range(len(tree_path) - steplen, 0, -steplen):
                if tree_path[:end] in paths:
                    found[pk] = paths[tree_path[:end]]
                    break
    return found
