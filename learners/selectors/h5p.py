"""Where a learner may play an H5P exercise, and which launches are valid."""

import uuid

from django.utils import timezone

from courses.models import LearningPathPage, LessonPage
from courses.selectors import original
from learners.models import Enrolment, H5PLaunch, H5PUserState
from learners.selectors.accounts import staff_member

MAX_ID = 2**63 - 1  # beyond, SQLite refuses the parameter itself


def h5p_live_lesson(*, lesson_id) -> LessonPage | None:
    """The lesson if it is published, as its original (default-locale) page,
    published too: an exercise played in English is launched, saved and
    counted on the French lesson (a translation keeps its blocks' ids). Its
    row holds the live revision's content (Wagtail writes a draft only into a
    revision)."""
    if not 0 < lesson_id <= MAX_ID:
        return None
    lesson = original(LessonPage.objects.live().filter(pk=lesson_id).first())
    return lesson if lesson is not None and lesson.live else None


def h5p_block_content_id(*, lesson: LessonPage, block_id: str) -> int | None:
    """The content of the H5P block ``block_id`` in the lesson's stored body,
    read from the raw JSON so that no block is converted."""
    for child in lesson.body.raw_data:
        if child.get("type") == "h5p" and child.get("id") == block_id:
            content = (child.get("value") or {}).get("content")
            return content if isinstance(content, int) else None
    return None


def h5p_may_play(*, user, lesson: LessonPage) -> bool:
    """Staff play any lesson; a learner plays the lessons of paths they are
    enrolled in."""
    if not user.is_authenticated:
        return False
    if staff_member(user=user):
        return True
    # An enrolment in a translation of the path (before enrolments were kept
    # on originals) counts as well.
    keys = LearningPathPage.objects.ancestor_of(lesson).values("translation_key")
    return Enrolment.objects.filter(user=user, path__translation_key__in=keys).exists()


def h5p_launch_valid(*, launch_id, user) -> H5PLaunch | None:
    """The user's launch ``launch_id`` if it has not expired; None for
    anything else, a malformed id included."""
    try:
        launch_id = uuid.UUID(str(launch_id))
    except ValueError:
        return None
    return (
        H5PLaunch.objects.filter(
            pk=launch_id, user_id=user.pk, expires_at__gt=timezone.now()
        )
        .select_related("content")
        .first()
    )


def h5p_saved_state(*, user, content_id, lesson_id, block_id) -> str | None:
    """The learner's own saved state of a block, to preload when the lesson
    page is drawn. Only a plain read: the rules of what may be saved were
    checked when it was saved (``learners.services.h5p_state``), and whether
    the exercise may be played is the launch's to say."""
    return (
        H5PUserState.objects.filter(
            user=user,
            content_id=content_id,
            lesson_id=lesson_id,
            block_id=block_id,
            data_type="state",
            sub_content_id="0",
        )
        .values_list("data", flat=True)
        .first()
    )
