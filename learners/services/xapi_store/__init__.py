from learners.services.xapi_store.writes import (
    LessonState,
    Lookup,
    LookupRow,
    Writes,
    attempts_lock,
    close_sql,
    insert_sql,
    lookup,
    lookup_sql,
    result_from_attempts,
    results_save,
)

__all__ = [
    "LessonState",
    "Lookup",
    "LookupRow",
    "Writes",
    "attempts_lock",
    "close_sql",
    "insert_sql",
    "lookup",
    "lookup_sql",
    "result_from_attempts",
    "results_save",
]
