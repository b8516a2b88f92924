from courses.models.catalogue import (
    LearningFormat,
    LearningPathIndexPage,
    LearningPathPage,
    LearningPathRoleRule,
    LessonPage,
    ModulePage,
    Theme,
)
from courses.models.h5p import H5PContent, H5PLibrary

__all__ = [
    "H5PContent",
    "H5PLibrary",
    "LearningFormat",
    "LearningPathIndexPage",
    "LearningPathPage",
    "LearningPathRoleRule",
    "LessonPage",
    "ModulePage",
    "Theme",
]
