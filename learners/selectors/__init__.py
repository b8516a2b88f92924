from learners.selectors.accounts import h5p_block_exists, municipality_search
from learners.selectors.progress import (
    ModuleProgress,
    PathProgress,
    dashboard,
    enrolled_paths,
    lesson_neighbours,
    path_progress,
    required_paths_not_started,
)

__all__ = [
    "ModuleProgress",
    "PathProgress",
    "dashboard",
    "enrolled_paths",
    "lesson_neighbours",
    "required_paths_not_started",
    "h5p_block_exists",
    "municipality_search",
    "path_progress",
]
