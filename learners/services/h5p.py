"""Recording what learners do in H5P exercises: statements, attempts, state."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Value
from django.utils.translation import gettext as _

from courses.grading import grade, is_complete
from courses.models import H5PContent, LessonPage
from learners.models import H5PAttempt, H5PUserState, XapiStatement
from learners.xapi import ParsedStatement, XapiError


class XapiConflict(XapiError):
    def __init__(self, statement_id):
        super().__init__(
            _("La déclaration %(id)s existe déjà avec un autre contenu.")
            % {"id": statement_id},
            409,
        )


def _new_statements(user, parsed: list[ParsedStatement]) -> list[ParsedStatement]:
    """Drop re-sends of statements already stored; refuse conflicting ones."""
    unique = {}
    for statement in parsed:
        seen = unique.setdefault(statement.statement_id, statement)
        if seen.content_hash != statement.content_hash:
            raise XapiConflict(statement.statement_id)
    stored = XapiStatement.objects.filter(statement_id__in=unique).values_list(
        "statement_id", "content_hash", "user_id"
    )
    for statement_id, digest, owner in stored:
        if digest != unique[statement_id].content_hash or owner != user.pk:
            raise XapiConflict(statement_id)
        del unique[statement_id]
    return list(unique.values())


def _known_targets(parsed):
    """Which of the contents and lessons the statements point at exist (one
    query for both)."""
    content_ids = {s.content_id for s in parsed if s.content_id}
    lesson_ids = {s.lesson_id for s in parsed if s.lesson_id}
    if not content_ids and not lesson_ids:
        return set(), set()
    rows = (
        H5PContent.objects.filter(pk__in=content_ids)
        .order_by()
        .values_list(Value("c"), "pk")
        .union(
            LessonPage.objects.filter(pk__in=lesson_ids)
            .order_by()
            .values_list(Value("l"), "pk"),
            all=True,
        )
    )
    found = {"c": set(), "l": set()}
    for kind, pk in rows:
        found[kind].add(pk)
    return found["c"], found["l"]


class _AttemptTracker:
    """Opens, fills and closes a learner's attempts while a batch is read, in
    memory; ``save()`` then writes them with two queries whatever the batch."""

    def __init__(self, user):
        self.user = user
        self.open = {}
        self.next_number = {}
        self.created = []
        self.changed = []

    def _load(self, key):
        attempts = H5PAttempt.objects.select_for_update().filter(
            user=self.user, lesson_id=key[0], block_id=key[1]
        )
        last = attempts.order_by("-number").first()
        self.open[key] = last if last and last.finished_at is None else None
        self.next_number[key] = (last.number if last else 0) + 1

    def _open_attempt(self, statement, key):
        if key not in self.next_number:
            self._load(key)
        if self.open[key] is None:
            attempt = H5PAttempt(
                user=self.user,
                content_id=statement.content_id,
                lesson_id=key[0],
                block_id=key[1],
                number=self.next_number[key],
                started_at=statement.timestamp,
            )
            self.next_number[key] += 1
            self.created.append(attempt)
            self.open[key] = attempt
        return self.open[key]

    def attach(self, statement: ParsedStatement):
        key = (statement.lesson_id, statement.block_id)
        has_result = (
            statement.score_scaled is not None or statement.completion is not None
        )
        if not (has_result or statement.ends_attempt):
            if key not in self.next_number:
                self._load(key)
            return self.open[key]
        attempt = self._open_attempt(statement, key)
        if statement.ends_attempt:
            self._close(attempt, statement)
            self.open[key] = None
        return attempt

    def _close(self, attempt, statement):
        attempt.finished_at = statement.timestamp
        attempt.completed = statement.completion is not False
        attempt.success = statement.success
        attempt.score_raw = statement.score_raw
        attempt.score_max = statement.score_max
        attempt.score_scaled = statement.score_scaled
        attempt.duration_seconds = statement.duration_seconds
        if attempt.pk is not None and attempt not in self.changed:
            self.changed.append(attempt)

    def save(self):
        H5PAttempt.objects.bulk_create(self.created)
        if self.changed:
            H5PAttempt.objects.bulk_update(self.changed, CLOSING_FIELDS)


CLOSING_FIELDS = [
    "finished_at",
    "completed",
    "success",
    "score_raw",
    "score_max",
    "score_scaled",
    "duration_seconds",
]


def _statement_row(user, statement, attempt, contents, lessons):
    return XapiStatement(
        statement_id=statement.statement_id,
        user=user,
        verb=statement.verb,
        object_id=statement.object_id,
        content_id=statement.content_id if statement.content_id in contents else None,
        lesson_id=statement.lesson_id if statement.lesson_id in lessons else None,
        block_id=statement.block_id,
        sub_content_id=statement.sub_content_id,
        score_raw=statement.score_raw,
        score_min=statement.score_min,
        score_max=statement.score_max,
        score_scaled=statement.score_scaled,
        success=statement.success,
        completion=statement.completion,
        duration_seconds=statement.duration_seconds,
        timestamp=statement.timestamp,
        raw=statement.raw,
        content_hash=statement.content_hash,
        attempt=attempt,
    )


def _record(user, parsed):
    with transaction.atomic():
        fresh = _new_statements(user, parsed)
        contents, lessons = _known_targets(fresh)
        tracker = _AttemptTracker(user)
        rows = []
        for statement in fresh:
            tracked = (
                statement.content_id in contents and statement.lesson_id in lessons
            )
            attempt = tracker.attach(statement) if tracked else None
            rows.append(_statement_row(user, statement, attempt, contents, lessons))
        tracker.save()
        XapiStatement.objects.bulk_create(rows)
    return [str(s.statement_id) for s in parsed]


def xapi_statements_record(*, user, statements: list[ParsedStatement]) -> list[str]:
    """Store a learner's statements once each and file them into attempts.

    Idempotent on statement id: a statement sent again with the same content
    is accepted and changes nothing; with other content the whole batch is
    refused (``XapiConflict``). Concurrent senders are serialised by the
    unique constraints: the loser retries once and then sees the winner's rows.
    """
    try:
        ids = _record(user, statements)
    except IntegrityError:
        ids = _record(user, statements)
    _lessons_check(user, statements)
    return ids


def _lessons_check(user, statements):
    """A closed attempt may complete its lesson: check each lesson once."""
    from learners.services.progress import lesson_h5p_check

    lesson_ids = {s.lesson_id for s in statements if s.ends_attempt and s.lesson_id}
    for lesson in LessonPage.objects.filter(pk__in=lesson_ids).exclude(
        completions__user=user
    ):
        lesson_h5p_check(user=user, lesson=lesson)


@dataclass(frozen=True)
class BlockResult:
    attempts: int
    completed_attempts: int
    score: float | None
    complete: bool


def h5p_block_result(
    *, user, lesson_id, block_id, grading_method, completion_rule, pass_threshold
) -> BlockResult:
    """The learner's result on one H5P block, by the block's own rules."""
    attempts = list(
        H5PAttempt.objects.filter(user=user, lesson_id=lesson_id, block_id=block_id)
        .order_by("number")
        .values_list("completed", "score_scaled")
    )
    scores = [score or 0.0 for completed, score in attempts if completed]
    return BlockResult(
        attempts=len(attempts),
        completed_attempts=len(scores),
        score=grade(scores, grading_method),
        complete=is_complete(
            scores,
            method=grading_method,
            rule=completion_rule,
            threshold=pass_threshold,
        ),
    )


def _state_key(user, content_id, lesson_id, block_id, data_type, sub_content_id):
    return {
        "user": user,
        "content_id": content_id,
        "lesson_id": lesson_id,
        "block_id": block_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id or "0",
    }


def h5p_state_get(
    *, user, content_id, lesson_id, block_id, data_type="state", sub_content_id="0"
):
    key = _state_key(user, content_id, lesson_id, block_id, data_type, sub_content_id)
    return H5PUserState.objects.filter(**key).values_list("data", flat=True).first()


def h5p_state_save(
    *,
    user,
    content_id,
    lesson_id,
    block_id,
    data,
    data_type="state",
    sub_content_id="0",
):
    """Save (or, for H5P's ``0``, forget) what resumes the learner's work."""
    key = _state_key(user, content_id, lesson_id, block_id, data_type, sub_content_id)
    if data in (None, "", "0"):
        H5PUserState.objects.filter(**key).delete()
        return None
    state, _created = H5PUserState.objects.update_or_create(
        **key, defaults={"data": data}
    )
    return state
