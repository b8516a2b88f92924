from learners.selectors.h5p import (
    h5p_block_content_id,
    h5p_launch_valid,
    h5p_live_lesson,
    h5p_may_play,
)
from learners.selectors.progress import (
    ModuleProgress,
    PathProgress,
    dashboard,
    enrolled,
    enrolled_paths,
    h5p_block_result,
    lesson_done,
    lesson_neighbours,
    lessons_done_ids,
    path_progress,
    path_requirement_for,
    required_paths_not_started,
)

__all__ = [
    "ModuleProgress",
    "PathProgress",
    "dashboard",
    "enrolled",
    "enrolled_paths",
    "h5p_block_result",
    "lesson_done",
    "lesson_neighbours",
    "lessons_done_ids",
    "required_paths_not_started",
    "h5p_block_content_id",
    "h5p_launch_valid",
    "h5p_live_lesson",
    "h5p_may_play",
    "path_progress",
    "path_requirement_for",
]
