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
from courses.models.h5p import H5PContent, H5PLibrary, H5PLibraryInstall
from courses.models.scorm import ScormPackage, ScormSco
from courses.models.sessions import SessionFormat, TrainingSession
from courses.models.workflow import PublishableApprovalTask

__all__ = [
    "H5PContent",
    "H5PLibrary",
    "H5PLibraryInstall",
    "LearningFormat",
    "LearningPathIndexPage",
    "LearningPathPage",
    "LearningPathRoleRule",
    "LessonPage",
    "ModulePage",
    "ModuleRequirement",
    "ModuleRoleRule",
    "PublishableApprovalTask",
    "ScormPackage",
    "ScormSco",
    "SessionFormat",
    "Theme",
    "TrainingSession",
]
