"""What the lookup's query returns, a row at a time (``LookupRow``), and
what ``lookup`` makes of the rows (``Lookup``)."""

from dataclasses import dataclass, field
from typing import NamedTuple


class LessonState:
    """Where a launch's lesson stands now (``LookupRow.lesson_state``)."""

    UNPUBLISHED = 0
    SAME_REVISION = 1  # still live in the revision the launch found its block in
    REPUBLISHED = 2  # live, in another revision: read the body again


class LookupRow(NamedTuple):
    """A row of ``lookup``'s query. ``kind`` names its branch, which fills
    only its own columns (the others are NULL); a column means one thing in
    every branch."""

    kind: str  # s: a stored statement, c: a content, l: a lesson,
    # a: the learner's last attempt on a block, d: a lesson they completed,
    # r: one of their launches, b: their result on a block
    statement_id: object  # s
    content_hash: str | None  # s
    owner_id: int | None  # s: who sent the stored statement
    trusted: bool | None  # s
    launch_id: object  # r
    content_id: int | None  # c, r
    lesson_id: int | None  # l, a, d, r, b
    live_revision: int | None  # l: the lesson's live revision (None if not live)
    block_id: str | None  # a, r, b
    attempt_id: int | None  # a
    attempt_number: int | None  # a
    attempt_open: bool | None  # a
    lesson_state: int | None  # r: a LessonState
    unexpired: bool | None  # r
    result_id: int | None  # b, then the H5PBlockResult's counts and scores
    result_closed: int | None
    result_completed: int | None
    score_sum: float | None
    score_best: float | None
    score_first: float | None
    score_last: float | None


# LookupRow's columns of a "b" row → H5PBlockResult's fields.
RESULT_COLUMNS = {
    "result_id": "id",
    "result_closed": "closed_attempts",
    "result_completed": "completed_attempts",
    "score_sum": "score_sum",
    "score_best": "score_best",
    "score_first": "score_first",
    "score_last": "score_last",
}


class StoredStatement(NamedTuple):
    content_hash: str
    owner_id: int
    trusted: bool


class LastAttempt(NamedTuple):
    id: int
    number: int
    open: bool


class Launch(NamedTuple):
    lesson_id: int
    block_id: str
    content_id: int
    lesson_state: int
    unexpired: bool


@dataclass
class Lookup:
    """What is already stored about a batch of statements."""

    stored: dict = field(default_factory=dict)  # statement id → StoredStatement
    contents: set = field(default_factory=set)
    lessons: set = field(default_factory=set)
    live_revisions: dict = field(default_factory=dict)  # lesson → its live revision
    last_attempts: dict = field(default_factory=dict)  # (lesson, block) → LastAttempt
    lessons_done: set = field(default_factory=set)  # completed by the learner
    launches: dict = field(default_factory=dict)  # the user's, by id → Launch
    results: dict = field(default_factory=dict)  # (lesson, block) → H5PBlockResult
