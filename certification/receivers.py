"""Reactions to what other apps announce (connected in ``apps.py``)."""

from certification.services import certificate_issue_enqueue


def issue_on_path_completed(sender, completion, user, path, **kwargs):
    """``path_completed`` is sent after commit: the rows the task reads exist."""
    certificate_issue_enqueue(user=user, path=path)
