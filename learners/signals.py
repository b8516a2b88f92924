"""Events other apps react to, so that learners never imports them."""

from django.dispatch import Signal

# Sent once, after commit, when a learner completes a learning path.
# Arguments: completion (PathCompletion), user, path.
path_completed = Signal()
