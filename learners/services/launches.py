"""Opening an H5P launch: the server-side record that a learner started one
exercise of a lesson. Statements count only under a valid launch (see
``learners.services.xapi``)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from courses.models import LessonPage
from learners.models import H5PLaunch
from learners.selectors.h5p import (
    h5p_block_content_id,
    h5p_live_lesson,
    h5p_may_play,
)


class LaunchRefused(ApplicationError):
    """Why a learner may not play an exercise, with the HTTP status that says
    it (``message``, ``status``)."""


def play_check(*, user, lesson_id: int, block_id: str) -> tuple[LessonPage, int]:
    """The published lesson and the content of its H5P block ``block_id``,
    if ``user`` may play it; ``LaunchRefused`` otherwise.

    A draft or unpublished lesson is as unknown as a missing one (404), so
    the answer reveals nothing of unpublished work. Staff may play every
    lesson; a learner only those of the paths they are enrolled in (403).
    """
    lesson = h5p_live_lesson(lesson_id=lesson_id)
    content_id = (
        h5p_block_content_id(lesson=lesson, block_id=block_id) if lesson else None
    )
    if content_id is None:
        raise LaunchRefused(_("Cet exercice n'existe pas dans cette leçon."), 404)
    if not h5p_may_play(user=user, lesson=lesson):
        raise LaunchRefused(
            _("Inscrivez-vous au parcours de cette leçon pour faire cet exercice."),
            403,
        )
    return lesson, content_id


def h5p_launch_open(*, user, lesson_id: int, block_id: str) -> H5PLaunch:
    """Open a launch of block ``block_id`` of lesson ``lesson_id`` for ``user``.

    The block must be an H5P block of the lesson's live (published) content
    and the user allowed to play it (``play_check``). The launch binds the
    content the block holds now, so a statement for another content under
    this launch does not count.
    """
    lesson, content_id = play_check(user=user, lesson_id=lesson_id, block_id=block_id)
    ttl = timedelta(seconds=settings.H5P_LAUNCH_TTL_SECONDS)
    return H5PLaunch.objects.create(
        user=user,
        lesson_id=lesson.pk,
        block_id=block_id,
        content_id=content_id,
        lesson_revision_id=lesson.live_revision_id,
        expires_at=timezone.now() + ttl,
    )
