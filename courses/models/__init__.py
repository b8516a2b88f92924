from courses.models.catalogue import (
    LearningFormat,
    LearningPathIndexPage,
    LearningPathPage,
    LearningPathRoleRule,
    LessonPage,
    ModulePage,
    ModuleRequirement,
    ModuleRoleRule,
    Theme,
)
from courses.models.h5p import H5PContent, H5PLibrary
from courses.models.sessions import SessionFormat, TrainingSession

__all__ = [
    "H5PContent",
    "H5PLibrary",
    "LearningFormat",
    "LearningPathIndexPage",
    "LearningPathPage",
    "LearningPathRoleRule",
    "LessonPage",
    "ModulePage",
    "ModuleRequirement",
    "ModuleRoleRule",
    "SessionFormat",
    "Theme",
    "TrainingSession",
]
