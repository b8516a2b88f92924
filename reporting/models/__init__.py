from reporting.models.contacts import TrainingContact
from reporting.models.exports import ExportJob, ExportStatus
from reporting.models.rollup import (
    AttendanceFact,
    LearnerFact,
    LearnerPathFact,
    PathContent,
    RollupCheckpoint,
    RollupState,
)

__all__ = [
    "AttendanceFact",
    "ExportJob",
    "ExportStatus",
    "LearnerFact",
    "LearnerPathFact",
    "PathContent",
    "RollupCheckpoint",
    "RollupState",
    "TrainingContact",
]
