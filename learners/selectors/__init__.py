from learners.selectors.accounts import h5p_block_exists, municipality_search
from learners.selectors.progress import (
    ModuleProgress,
    PathProgress,
    enrolled_paths,
    path_progress,
)

__all__ = [
    "ModuleProgress",
    "PathProgress",
    "enrolled_paths",
    "h5p_block_exists",
    "municipality_search",
    "path_progress",
]
