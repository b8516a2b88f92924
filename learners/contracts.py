"""What other apps may read of learners' tables in plain SQL: reporting's
rollups copy learners, enrolments, completions, xAPI activity and session
registrations. Table and column names come from the models' ``_meta``;
renaming a field listed here changes this contract, and
``tests/test_reporting_contracts.py`` checks every name a reader uses."""

from core.columns import Columns
from learners.models import (
    Enrolment,
    LessonCompletion,
    PathCompletion,
    RegistrationStatus,
    SessionRegistration,
    User,
    XapiStatement,
)

USER = Columns(User, "pk", "municipality", "role")
ENROLMENT = Columns(Enrolment, "user", "path", "created_at")
LESSON_COMPLETION = Columns(LessonCompletion, "pk", "user", "lesson", "completed_at")
PATH_COMPLETION = Columns(PathCompletion, "user", "path", "completed_at")
XAPI_STATEMENT = Columns(XapiStatement, "pk", "user", "stored")
SESSION_REGISTRATION = Columns(
    SessionRegistration, "pk", "user", "session", "status", "attended"
)

# A registration that holds a seat (not waitlisted, not cancelled).
REGISTERED = RegistrationStatus.REGISTERED.value

CONTRACTS = (
    USER,
    ENROLMENT,
    LESSON_COMPLETION,
    PATH_COMPLETION,
    XAPI_STATEMENT,
    SESSION_REGISTRATION,
)
