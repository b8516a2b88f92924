"""H5P core's user data: what resumes a learner where they left an exercise."""

from django.utils.translation import gettext as _

from core.errors import ApplicationError
from learners.models import H5PUserState
from learners.services.launches import play_check
from learners.xapi import UNSTORABLE


class StateRefused(ApplicationError):
    """Why H5P's user data was not read or saved (``message``, ``status``)."""


MAX_STATE_BYTES = 64 * 1024


def _state_key(*, user, content_id, lesson_id, block_id, data_type, sub_content_id):
    """The one document a learner keeps per block: its main state, for a
    block of a published lesson, holding that content, that they may play.
    H5P core also asks for other data types and sub-content ids; nothing in
    the player needs them, and each would be another document to store."""
    if data_type != "state" or sub_content_id != "0":
        raise StateRefused(_("Seul l'état principal d'un exercice est conservé."))
    _lesson, block_content = play_check(
        user=user, lesson_id=lesson_id, block_id=block_id
    )
    if block_content != content_id:
        raise StateRefused(_("Cet exercice n'existe pas dans cette leçon."), 404)
    return {
        "user": user,
        "content_id": content_id,
        "lesson_id": lesson_id,
        "block_id": block_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }


def h5p_state_get(
    *, user, content_id, lesson_id, block_id, data_type="state", sub_content_id="0"
):
    """The saved state, or None; ``StateRefused`` as ``_state_key`` says."""
    key = _state_key(
        user=user,
        content_id=content_id,
        lesson_id=lesson_id,
        block_id=block_id,
        data_type=data_type,
        sub_content_id=sub_content_id,
    )
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
    """Save (or, for H5P's ``0``, forget) what resumes the learner's work, at
    most ``MAX_STATE_BYTES``; ``StateRefused`` as ``_state_key`` says."""
    key = _state_key(
        user=user,
        content_id=content_id,
        lesson_id=lesson_id,
        block_id=block_id,
        data_type=data_type,
        sub_content_id=sub_content_id,
    )
    if data in (None, "", "0"):
        H5PUserState.objects.filter(**key).delete()
        return None
    if len(data.encode("utf-8", "replace")) > MAX_STATE_BYTES:
        raise StateRefused(
            _("L'état de l'exercice dépasse %(n)s Kio.")
            % {"n": MAX_STATE_BYTES // 1024},
            413,
        )
    if UNSTORABLE.search(data):
        raise StateRefused(_("Caractère non autorisé dans le JSON."))
    state, _created = H5PUserState.objects.update_or_create(
        **key, defaults={"data": data}
    )
    return state
