from reporting.rollup.refresh import (
    rollup_compact,
    rollup_freshness,
    rollup_rebuild,
    rollup_refresh,
    rollup_state,
)

__all__ = [
    "rollup_compact",
    "rollup_freshness",
    "rollup_rebuild",
    "rollup_refresh",
    "rollup_state",
]
