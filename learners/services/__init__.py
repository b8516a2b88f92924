from learners.services.accounts import (
    SignUpLinkInvalid,
    learner_profile_update,
    learner_sign_up_confirm,
    learner_sign_up_request,
)
from learners.services.h5p_state import StateRefused, h5p_state_get, h5p_state_save
from learners.services.launches import LaunchRefused, h5p_launch_open
from learners.services.progress import (
    enrolment_create,
    learner_role_change,
    lesson_complete,
    lesson_h5p_check,
    lesson_mark_done,
    progress_refresh,
)
from learners.services.xapi import XapiConflict, xapi_statements_record

__all__ = [
    "enrolment_create",
    "learner_role_change",
    "lesson_complete",
    "lesson_h5p_check",
    "lesson_mark_done",
    "progress_refresh",
    "LaunchRefused",
    "h5p_launch_open",
    "StateRefused",
    "XapiConflict",
    "h5p_state_get",
    "h5p_state_save",
    "learner_profile_update",
    "SignUpLinkInvalid",
    "learner_sign_up_confirm",
    "learner_sign_up_request",
    "xapi_statements_record",
]
