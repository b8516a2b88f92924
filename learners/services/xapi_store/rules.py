"""The rules of a lesson's exercises, as the ingest judges a closing result
by them: kept per live revision (the lookup reads each lesson's), so that a
closing result reads no lesson."""

from typing import NamedTuple

from courses.blocks import h5p_rules
from courses.models import LessonPage
from courses.scorm.blocks import scorm_rules


class LessonRules(NamedTuple):
    h5p: list
    scorm: list


# The rules of a lesson's exercises by (lesson id, live revision id), read
# from the lesson's body once per revision and process: a live revision's
# content does not change, and publishing makes a new one. Saving a lesson in
# this process forgets them all (``lesson_rules_forget``, called by a receiver
# in ``learners.signals``: a body saved without a revision, in tests or a
# script, is read again).
_RULES: dict[tuple[int, int], LessonRules] = {}
RULES_KEPT = 512


def lesson_rules_forget():
    _RULES.clear()


def lesson_rules(lesson_ids, revisions) -> dict[int, LessonRules]:
    """The rules of each lesson's exercises: remembered for a live revision
    seen before, else read from the lessons' bodies only (no page row, no
    model), in one query."""
    rules, missing = {}, []
    for lesson_id in lesson_ids:
        known = _RULES.get((lesson_id, revisions.get(lesson_id)))
        if known is None:
            missing.append(lesson_id)
        else:
            rules[lesson_id] = known
    if missing:
        bodies = (
            LessonPage.objects.filter(pk__in=missing)
            .order_by()  # no join to the page table
            .values_list("pk", "body")
        )
        if len(_RULES) >= RULES_KEPT:
            _RULES.clear()
        for lesson_id, stream in bodies:
            rules[lesson_id] = LessonRules(h5p_rules(stream), scorm_rules(stream))
            revision = revisions.get(lesson_id)
            if revision is not None:
                _RULES[lesson_id, revision] = rules[lesson_id]
    return rules
