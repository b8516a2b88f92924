"""The xAPI ingest: storing what learners do in H5P exercises as statements,
and filing them into attempts.

A statement counts (opens, fills or closes an attempt, and so may complete a
block and its lesson) only when it is *trusted*: its ``context.registration``
names a launch of the same learner, not expired, opened for the same lesson,
block and content as the statement's activity IRI, in a lesson still
published with that block. Other statements are stored all the same, marked
untrusted, and count for nothing.
"""

from itertools import chain

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from courses.completion import BlockResult, lesson_complete_by_exercises
from courses.models import LessonPage
from learners.models import CompletionSource, H5PAttempt, H5PBlockResult
from learners.selectors.h5p import h5p_block_content_id, h5p_live_lesson
from learners.selectors.scorm import scorm_block_result
from learners.services import progress, xapi_store
from learners.services.xapi_store.rules import LessonRules, lesson_rules
from learners.xapi import ParsedStatement

RECORD_TRIES = 3


class XapiConflict(ApplicationError):
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
    for statement_id, known in stored.items():
        if (
            known.content_hash != unique[statement_id].content_hash
            or known.owner_id != user.pk
        ):
            raise XapiConflict(statement_id)
        del unique[statement_id]
    return list(unique.values())


class _Trust:
    """Decides which statements of a batch carry a valid launch."""

    def __init__(self, found: xapi_store.Lookup):
        self.launches = found.launches
        self.contents = found.contents
        self.lessons = found.lessons
        self._republished = {}

    def __call__(self, statement: ParsedStatement) -> bool:
        launch = self.launches.get(statement.registration)
        if (
            launch is None
            or not launch.unexpired
            or launch.lesson_state == xapi_store.LessonState.UNPUBLISHED
            or (launch.lesson_id, launch.block_id, launch.content_id)
            != (statement.lesson_id, statement.block_id, statement.content_id)
            or statement.content_id not in self.contents
            or statement.lesson_id not in self.lessons
        ):
            return False
        if launch.lesson_state == xapi_store.LessonState.SAME_REVISION:
            return True
        return self._still_in_lesson(launch)

    def _still_in_lesson(self, launch) -> bool:
        """The lesson was published again since the launch: read its body
        (once per batch) to see whether the block still holds that content."""
        key = (launch.lesson_id, launch.block_id)
        if key not in self._republished:
            lesson = h5p_live_lesson(lesson_id=launch.lesson_id)
            self._republished[key] = lesson is not None and (
                h5p_block_content_id(lesson=lesson, block_id=launch.block_id)
                == launch.content_id
            )
        return self._republished[key]


class _AttemptTracker:
    """Opens, fills and closes a learner's attempts while a batch is read, in
    memory, from each block's last attempt, and adds each attempt that
    closes to its block's result (``H5PBlockResult``); ``save()`` then writes
    both."""

    def __init__(self, user, last_attempts, results):
        self.user = user
        self.open = {}
        self.next_number = {}
        self.results = results  # (lesson, block) → H5PBlockResult, read or new
        self.had_attempts = set(last_attempts)
        self.changed_results = {}
        for key, last in last_attempts.items():
            self.next_number[key] = last.number + 1
            self.open[key] = (
                H5PAttempt(
                    pk=last.id,
                    user=user,
                    lesson_id=key[0],
                    block_id=key[1],
                    number=last.number,
                )
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

    def _result(self, key):
        """The block's result to change; when none is stored but attempts
        are, one is made from them first."""
        result = self.results.get(key)
        if result is None:
            if key in self.had_attempts:
                result = xapi_store.result_from_attempts(
                    user_id=self.user.pk, lesson_id=key[0], block_id=key[1]
                )
            else:
                result = H5PBlockResult(
                    user_id=self.user.pk, lesson_id=key[0], block_id=key[1]
                )
            self.results[key] = result
        self.changed_results[key] = result
        return result

    def attach(self, statement: ParsedStatement):
        key = (statement.lesson_id, statement.block_id)
        if not statement.has_result:
            return self.open.get(key)
        attempt = self._open_attempt(statement, key)
        if statement.ends_attempt:
            self._close(attempt, statement)
            self._result(key).close_attempt(
                completed=attempt.completed, score_scaled=attempt.score_scaled
            )
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

    def save(self, writes: xapi_store.Writes):
        """New attempts are inserted (the unique number turns a concurrent
        twin into an IntegrityError); an attempt is closed only if it is still
        open, so two closing results never overwrite each other; a block's
        result likewise is inserted once and updated only from the counts it
        was read with. Added to ``writes``, which ``Writes.run`` sends."""
        writes.attempts_insert(self.created)
        writes.attempts_close(self.changed)
        writes.results(list(self.changed_results.values()))


def _statement_row(user, statement, attempt, trusted, found):
    contents, lessons = found.contents, found.lessons
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
        "launch_id": statement.registration
        if statement.registration in found.launches
        else None,
        "trusted": trusted,
    }


def _may_change_attempts(statements) -> bool:
    return any(s.registration is not None and s.has_result for s in statements)


def _record(user, parsed):
    """Store what is new and file what is trusted; return the lessons not
    completed yet whose exercise got a trusted closing result in this request
    (re-sent ones included, so that a lesson check that failed after the
    first send is made again)."""
    with transaction.atomic():
        found = xapi_store.lookup(
            lock=_may_change_attempts(parsed),
            user_id=user.pk,
            statement_ids={s.statement_id for s in parsed},
            content_ids=sorted({s.content_id for s in parsed if s.content_id}),
            lesson_ids=sorted({s.lesson_id for s in parsed if s.lesson_id}),
            block_ids=sorted({s.block_id for s in parsed if s.lesson_id}),
            launch_ids=sorted({s.registration for s in parsed if s.registration}),
        )
        fresh = _fresh(user, parsed, found.stored)
        trusted = _Trust(found)
        tracker = _AttemptTracker(user, found.last_attempts, found.results)
        filed, closed = [], set()
        for statement in fresh:
            counts = trusted(statement)
            attempt = tracker.attach(statement) if counts else None
            filed.append((statement, attempt, counts))
            if counts and statement.ends_attempt:
                closed.add(statement.lesson_id)
        writes = xapi_store.Writes()
        tracker.save(writes)
        if filed:
            writes.statements(
                [_statement_row(user, *each, found) for each in filed],
                [attempt for _statement, attempt, _counts in filed],
            )
        if not writes.run():
            raise _Retry
    resent = {s.statement_id: s for s in parsed if s.statement_id in found.stored}
    closed |= {
        s.lesson_id
        for statement_id, s in resent.items()
        if s.ends_attempt and found.stored[statement_id].trusted
    }
    return closed - found.lessons_done, tracker.results, found.live_revisions


def xapi_statements_record(*, user, statements: list[ParsedStatement]) -> list[str]:
    """Store a learner's statements once each and file the trusted ones into
    attempts (see the module's docstring for what is trusted).

    Idempotent on statement id: a statement sent again with the same content
    is accepted and changes nothing; with other content the whole batch is
    refused (``XapiConflict``). Requests that may change a learner's
    attempts are serialised by ``xapi_store.attempts_lock`` on PostgreSQL;
    the unique constraints (statement id, attempt number) and closing an
    attempt only while it is still open remain the last word, and a request
    that loses to them reads again, up to ``RECORD_TRIES`` times.
    """
    for attempt in range(RECORD_TRIES):
        try:
            closed, results, revisions = _record(user, statements)
            break
        except IntegrityError:
            if attempt == RECORD_TRIES - 1:
                raise
    if closed:
        _lessons_check(user, closed, results, revisions)
    return [str(s.statement_id) for s in statements]


def _lessons_check(user, lesson_ids, results, revisions):
    """A closed attempt may complete its lesson, not completed yet (the
    lookup said so): check each lesson once, from the block results this
    request read and wrote (``results``, by (lesson, block)) and the rules of
    its exercises (``lesson_rules``, by live revision: ``revisions``); a
    lesson is loaded whole only once it is complete."""
    for lesson_id, rules in lesson_rules(lesson_ids, revisions).items():
        if _exercises_complete(user, lesson_id, rules, results):
            source = CompletionSource.H5P if rules.h5p else CompletionSource.SCORM
            lesson = LessonPage.objects.get(pk=lesson_id)
            progress.lesson_complete(user=user, lesson=lesson, source=source)


def _exercises_complete(user, lesson_id, exercises: LessonRules, results) -> bool:
    """Whether every exercise of the lesson, H5P or SCORM, meets its rule
    (``progress.lesson_h5p_check``'s rule, read from one stored result row
    per H5P block however many attempts came before). The blocks this
    request touched are judged first, from memory; the others' rows are read
    only if those are complete, in one query."""
    rules = exercises.h5p
    known = [r for r in rules if (lesson_id, r.block_id) in results]
    others = [r for r in rules if (lesson_id, r.block_id) not in results]

    def h5p_results():
        for rule in known:
            yield _judged(results[lesson_id, rule.block_id], rule)
        if others:
            stored = {
                r.block_id: r
                for r in H5PBlockResult.objects.filter(
                    user=user,
                    lesson_id=lesson_id,
                    block_id__in=[rule.block_id for rule in others],
                )
            }
            for rule in others:
                yield _judged(stored.get(rule.block_id), rule)

    scorm_results = (
        scorm_block_result(user=user, lesson_id=lesson_id, rules=rules)
        for rules in exercises.scorm
    )
    return lesson_complete_by_exercises(chain(h5p_results(), scorm_results))


def _judged(result, rule) -> BlockResult:
    if result is None:
        return BlockResult(attempts=0, completed_attempts=0, score=None, complete=False)
    return result.block_result(
        grading_method=rule.grading_method,
        completion_rule=rule.completion_rule,
        pass_threshold=rule.pass_threshold,
    )
