from learners.services.accounts import (
    LoadCounts,
    learner_profile_update,
    learner_sign_up,
    municipalities_load,
)
from learners.services.h5p import (
    XapiConflict,
    h5p_block_result,
    h5p_state_get,
    h5p_state_save,
    xapi_statements_record,
)

__all__ = [
    "LoadCounts",
    "XapiConflict",
    "h5p_block_result",
    "h5p_state_get",
    "h5p_state_save",
    "learner_profile_update",
    "learner_sign_up",
    "municipalities_load",
    "xapi_statements_record",
]
