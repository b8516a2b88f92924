from learners.models.accounts import (
    POPULATION_CLASS_BOUNDS,
    LearnerManager,
    Mrc,
    Municipality,
    PopulationClass,
    Region,
    User,
    population_class_of,
)
from learners.models.h5p import (
    H5PAttempt,
    H5PLaunch,
    H5PUserState,
    XapiStatement,
)
from learners.models.progress import (
    CompletionSource,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    PathCompletion,
    RoleChange,
)
from learners.models.sessions import (
    EnrolmentImport,
    ImportStatus,
    RegistrationStatus,
    SessionRegistration,
)

__all__ = [
    "POPULATION_CLASS_BOUNDS",
    "CompletionSource",
    "Enrolment",
    "EnrolmentImport",
    "EnrolmentSource",
    "ImportStatus",
    "LessonCompletion",
    "PathCompletion",
    "RegistrationStatus",
    "RoleChange",
    "SessionRegistration",
    "H5PAttempt",
    "H5PLaunch",
    "H5PUserState",
    "LearnerManager",
    "Mrc",
    "Municipality",
    "PopulationClass",
    "Region",
    "User",
    "XapiStatement",
    "population_class_of",
]
