from learners.models.accounts import LearnerManager, User
from learners.models.consent import (
    ConsentChange,
    ConsentPurpose,
    ConsentSource,
    LearnerConsent,
)
from learners.models.h5p import (
    H5PAttempt,
    H5PBlockResult,
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
from learners.models.scorm import ScormAttempt, ScormLaunch
from learners.models.sessions import (
    EnrolmentImport,
    ImportStatus,
    RegistrationStatus,
    SessionRegistration,
)

__all__ = [
    "CompletionSource",
    "ConsentChange",
    "ConsentPurpose",
    "ConsentSource",
    "LearnerConsent",
    "Enrolment",
    "EnrolmentImport",
    "EnrolmentSource",
    "ImportStatus",
    "LessonCompletion",
    "PathCompletion",
    "RegistrationStatus",
    "RoleChange",
    "ScormAttempt",
    "ScormLaunch",
    "SessionRegistration",
    "H5PAttempt",
    "H5PBlockResult",
    "H5PLaunch",
    "H5PUserState",
    "LearnerManager",
    "User",
    "XapiStatement",
]
