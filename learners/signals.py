"""Events other apps react to, so that learners never imports them."""

from django.dispatch import Signal

# Sent once, after commit, when a learner completes a learning path.
# Arguments: completion (PathCompletion), user, path.
path_completed = Signal()

# Sent inside the erasure's transaction when a person's account is erased
# (Law 25): apps holding copies of their data (export files...) remove them.
# Arguments: user (already anonymised), needles (the erased e-mail and names,
# to look for; never to be stored or logged).
personal_data_erased = Signal()
