"""Recording what learners do in H5P exercises: statements, attempts, state."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from courses.grading import grade, is_complete
from courses.models import LessonPage
from learners.models import H5PAttempt, H5PUserState
from learners.services import xapi_store
from learners.xapi import ParsedStatement, XapiError


class XapiConflict(XapiError):
    def __init__(self, statement_id):
        super().__init__(
            _("La déclaration %(id)s existe déjà avec un autre contenu.")
            % {"id": statement_id},
            409,
        )


class _Retry(IntegrityError):
    """Another request changed the learner's attempt while this one read it."""


def _fresh(user, parsed: list[ParsedStatement], stored) -> list[ParsedStatement]:
    """Drop re-sends of statements already stored; refuse conflicting ones."""
    unique = {}
    for statement in parsed:
        seen = unique.setdefault(statement.statement_id, statement)
        if seen.content_hash != statement.content_hash:
            raise XapiConflict(statement.statement_id)
    for statement_id, (digest, owner) in stored.items():
        if digest != unique[statement_id].content_hash or owner != user.pk:
            raise XapiConflict(statement_id)
        del unique[statement_id]
    return list(unique.values())


class _AttemptTracker:
    """Opens, fills and closes a learner's attempts while a batch is read, in
    memory, from each block's last attempt; ``save()`` then writes them."""

    def __init__(self, user, last_attempts):
        self.user = user
        self.open = {}
        self.next_number = {}
        for key, last in last_attempts.items():
            self.next_number[key] = last.number + 1
            self.open[key] = (
                H5PAttempt(pk=last.id, user=user, number=last.number)
                if last.open
                else None
            )
        self.created = []
        self.changed = []

    def _open_attempt(self, statement, key):
        if self.open.get(key) is None:
            attempt = H5PAttempt(
                user=self.user,
                content_id=statement.content_id,
                lesson_id=key[0],
                block_id=key[1],
                number=self.next_number.get(key, 1),
                started_at=statement.timestamp,
            )
            self.next_number[key] = attempt.number + 1
            self.created.append(attempt)
            self.open[key] = attempt
        return self.open[key]

    def attach(self, statement: ParsedStatement):
        key = (statement.lesson_id, statement.block_id)
        has_result = (
            statement.score_scaled is not None or statement.completion is not None
        )
        if not (has_result or statement.ends_attempt):
            return self.open.get(key)
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
        """New attempts are inserted (the unique number turns a concurrent
        twin into an IntegrityError); an attempt is closed only if it is still
        open, so two closing results never overwrite each other."""
        if self.created:
            H5PAttempt.objects.bulk_create(self.created)
        for attempt in self.changed:
            if not xapi_store.attempt_close(attempt):
                raise _Retry


def _statement_row(user, statement, attempt, contents, lessons):
    return {
        "statement_id": statement.statement_id,
        "user_id": user.pk,
        "verb": statement.verb,
        "object_id": statement.object_id,
        "content_id": statement.content_id
        if statement.content_id in contents
        else None,
        "lesson_id": statement.lesson_id if statement.lesson_id in lessons else None,
        "block_id": statement.block_id,
        "sub_content_id": statement.sub_content_id,
        "score_raw": statement.score_raw,
        "score_min": statement.score_min,
        "score_max": statement.score_max,
        "score_scaled": statement.score_scaled,
        "success": statement.success,
        "completion": statement.completion,
        "duration_seconds": statement.duration_seconds,
        "timestamp": statement.timestamp,
        "raw": statement.raw,
        "content_hash": statement.content_hash,
        "attempt_id": attempt.pk if attempt is not None else None,
        "launch_id": None,
        "trusted": False,
    }


def _record(user, parsed):
    """Store what is new and file it; return the lessons whose exercise got a
    closing result in this request (re-sent ones included, so that a lesson
    check that failed after the first send is made again)."""
    with transaction.atomic():
        found = xapi_store.lookup(
            user_id=user.pk,
            statement_ids={s.statement_id for s in parsed},
            content_ids=sorted({s.content_id for s in parsed if s.content_id}),
            lesson_ids=sorted({s.lesson_id for s in parsed if s.lesson_id}),
            block_ids=sorted({s.block_id for s in parsed if s.lesson_id}),
        )
        fresh = _fresh(user, parsed, found.stored)
        tracker = _AttemptTracker(user, found.last_attempts)
        filed = []
        for statement in fresh:
            tracked = (
                statement.content_id in found.contents
                and statement.lesson_id in found.lessons
            )
            filed.append((statement, tracker.attach(statement) if tracked else None))
        tracker.save()
        if filed:
            xapi_store.statements_insert(
                [
                    _statement_row(user, s, attempt, found.contents, found.lessons)
                    for s, attempt in filed
                ]
            )
    return {
        s.lesson_id
        for s in parsed
        if s.ends_attempt
        and s.content_id in found.contents
        and s.lesson_id in found.lessons
    }


def xapi_statements_record(*, user, statements: list[ParsedStatement]) -> list[str]:
    """Store a learner's statements once each and file them into attempts.

    Idempotent on statement id: a statement sent again with the same content
    is accepted and changes nothing; with other content the whole batch is
    refused (``XapiConflict``). Concurrent senders are settled by the unique
    constraints (statement id, attempt number) and by closing an attempt only
    while it is still open: the loser retries once and then sees the winner's
    rows. A sub-question answer is not serialised: it joins the attempt that
    was open when it was read, even if another request closes that attempt
    meanwhile (H5P sends one learner's answers in order, so this does not
    happen in practice, and it only adds a sub-answer to a finished try).
    """
    try:
        closed = _record(user, statements)
    except IntegrityError:
        closed = _record(user, statements)
    if closed:
        _lessons_check(user, closed)
    return [str(s.statement_id) for s in statements]


def _lessons_check(user, lesson_ids):
    """A closed attempt may complete its lesson: check each lesson once."""
    from learners.services.progress import lesson_h5p_check

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
