"""Events other apps react to, so that learners never imports them; and the
receivers learners keeps for itself."""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

# Sent once, after commit, when a learner completes a learning path.
# Arguments: completion (PathCompletion), user, path.
path_completed = Signal()

# Sent inside the erasure's transaction when a person's account is erased
# (Law 25): apps holding copies of their data (export files...) remove them.
# Arguments: user (already anonymised), needles (the erased e-mail and names,
# to look for; never to be stored or logged).
personal_data_erased = Signal()


@receiver(
    post_save, sender="courses.LessonPage", dispatch_uid="xapi_lesson_rules_forget"
)
def lesson_rules_forget(**kwargs):
    """A saved lesson may have other exercises: the ingest reads their rules
    again. Imported here, not above: ``learners.services`` imports this
    module."""
    from learners.services.xapi_store.rules import lesson_rules_forget as forget

    forget()
