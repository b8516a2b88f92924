"""What a lesson page shows of one learner, read in one query.

A lesson page shows, for the signed-in learner, whether the lesson is done
and, for each H5P block, the saved state the player resumes from and the
block's result. Read one by one through the ORM those were three queries
per block plus one, each costing more Python to build than PostgreSQL took
to run it. Here they are one statement in plain SQL, built once per number
of blocks from the models' own table and column names, that reads:

- the learner's saved states on the lesson (``H5PUserState``);
- their result rows (``H5PBlockResult``, summed up as attempts close);
- each block's last attempt, by one probe of the attempts' unique index
  (its number tells whether the result row counts every attempt);
- whether the lesson is done, in any of its languages.

A block whose result row does not account for its attempts (attempts
written by something other than the ingest) is graded from the attempts,
as before (``h5p_block_result``).
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from wagtail.models import Page

from courses.completion import BlockResult
from learners.models import H5PAttempt, H5PBlockResult, H5PUserState, LessonCompletion
from learners.selectors.progress import h5p_block_result
from learners.sql import columns, table


@dataclass
class LessonLearnerState:
    """One learner on one lesson (its original, where progress is kept)."""

    lesson_id: int
    done: bool = False
    states: dict = field(default_factory=dict)  # (content id, block id) → data
    results: dict = field(default_factory=dict)  # block id → H5PBlockResult
    last_attempts: dict = field(default_factory=dict)  # block id → (number, open)

    def saved_state(self, *, content_id, block_id) -> str | None:
        return self.states.get((content_id, str(block_id)))

    def block_result(
        self, *, user, block_id, grading_method, completion_rule, pass_threshold
    ) -> BlockResult:
        """The block's result by its rules, as ``h5p_block_result`` gives it."""
        block_id = str(block_id)
        rules = {
            "grading_method": grading_method,
            "completion_rule": completion_rule,
            "pass_threshold": pass_threshold,
        }
        last = self.last_attempts.get(block_id)
        row = self.results.get(block_id)
        if row is None:
            row = H5PBlockResult(
                user_id=user.pk, lesson_id=self.lesson_id, block_id=block_id
            )
            if last is None:
                return row.block_result(**rules)  # no attempt yet
        number, is_open = last or (0, False)
        open_attempts = 1 if is_open else 0
        if row.closed_attempts + open_attempts == number:
            return row.block_result(**rules, open_attempts=open_attempts)
        return h5p_block_result(
            user=user, lesson_id=self.lesson_id, block_id=block_id, **rules
        )


# Every branch gives: kind, block id, two integers, a text, four floats.
def _row(kind, block, n1="NULL", n2="NULL", text="NULL", floats=("NULL",) * 4):
    return f"SELECT '{kind}', {block}, {n1}, {n2}, {text}, {', '.join(floats)}"


@lru_cache(maxsize=32)
def _sql(vendor: str, blocks: int) -> str:
    state = table(H5PUserState)
    user, lesson, block, content, data_type, sub, data = columns(
        H5PUserState,
        "user",
        "lesson",
        "block_id",
        "content",
        "data_type",
        "sub_content_id",
        "data",
    )
    branches = [
        _row("s", f"s.{block}", n1=f"s.{content}", text=f"s.{data}")
        + f" FROM {state} s WHERE s.{user} = %s AND s.{lesson} = %s"
        f" AND s.{data_type} = 'state' AND s.{sub} = '0'"
    ]
    result = table(H5PBlockResult)
    user, lesson, block, closed, completed, *scores = columns(
        H5PBlockResult, "user", "lesson", "block_id", *H5PBlockResult.SUMMARY_FIELDS
    )
    branches.append(
        _row(
            "r",
            f"r.{block}",
            n1=f"r.{closed}",
            n2=f"r.{completed}",
            floats=[f"r.{score}" for score in scores],
        )
        + f" FROM {result} r WHERE r.{user} = %s AND r.{lesson} = %s"
    )
    attempt = table(H5PAttempt)
    user, lesson, block, number, finished = columns(
        H5PAttempt, "user", "lesson", "block_id", "number", "finished_at"
    )

    # The last attempt: the unique index on (user, lesson, block, number)
    # read backwards to its first entry, one probe whatever the history (see
    # xapi_store.lookup_sql._last_attempt).
    last = (
        _row(
            "a",
            f"t.{block}",
            n1=f"t.{number}",
            n2=f"CASE WHEN t.{finished} IS NULL THEN 1 ELSE 0 END",
        )
        + f" FROM (SELECT o.{block}, o.{number}, o.{finished} FROM {attempt} o"
        f" WHERE o.{user} = %s AND o.{lesson} = %s AND o.{block} = %s"
        f" ORDER BY o.{number} DESC LIMIT 1) t"
    )
    branches.extend([last] * blocks)
    completion = table(LessonCompletion)
    (c_user, c_lesson) = columns(LessonCompletion, "user", "lesson")
    page = table(Page)
    (page_id, key) = columns(Page, "id", "translation_key")
    branches.append(
        _row("d", "NULL", n1="COUNT(*)")
        + f" FROM {completion} c INNER JOIN {page} p ON p.{page_id} = c.{c_lesson}"
        f" WHERE c.{c_user} = %s AND p.{key} = %s"
    )
    return " UNION ALL ".join(branches)


def h5p_block_ids(lesson) -> list[str]:
    """The ids of the H5P blocks of ``lesson``'s body, from its stored JSON
    (no content is loaded)."""
    return [
        str(item.get("id"))
        for item in lesson.body.raw_data
        if item.get("type") == "h5p" and item.get("id")
    ]


def lesson_learner_state(*, user, lesson) -> LessonLearnerState:
    """``user``'s state on ``lesson`` (an original lesson page): one query."""
    state = LessonLearnerState(lesson_id=lesson.pk)
    if not user.is_authenticated:
        return state
    blocks = h5p_block_ids(lesson)
    key = Page._meta.get_field("translation_key").get_db_prep_value(
        lesson.translation_key, connection
    )
    params = [user.pk, lesson.pk, user.pk, lesson.pk]
    for block in blocks:
        params += [user.pk, lesson.pk, block]
    params += [user.pk, key]
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection.vendor, len(blocks)), params)
        rows = cursor.fetchall()
    for kind, block, n1, n2, text, *floats in rows:
        if kind == "s":
            state.states[(n1, block)] = text
        elif kind == "r":
            summary = zip(H5PBlockResult.SUMMARY_FIELDS, (n1, n2, *floats), strict=True)
            state.results[block] = H5PBlockResult(
                user_id=user.pk, lesson_id=lesson.pk, block_id=block, **dict(summary)
            )
        elif kind == "a":
            state.last_attempts[block] = (n1, bool(n2))
        else:
            state.done = bool(n1)
    return state
