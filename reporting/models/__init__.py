from reporting.models.contacts import TrainingContact
from reporting.models.exports import ExportJob, ExportStatus
from reporting.models.rollup import (
    AttendanceFact,
    LearnerFact,
    LearnerPathFact,
    ParticipationTally,
    PathContent,
    RollupCheckpoint,
    RollupState,
    TallyLevel,
)

__all__ = [
    "AttendanceFact",
    "ExportJob",
    "ExportStatus",
    "LearnerFact",
    "LearnerPathFact",
    "ParticipationTally",
    "PathContent",
    "RollupCheckpoint",
    "RollupState",
    "TallyLevel",
    "TrainingContact",
]
