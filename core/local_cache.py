"""A process's short memory of values every page reads from the shared cache.

Some values are read on every page (the privacy notice in force, the privacy
officer the footer names, the menu's "Participation" link): each read was a
round trip to Redis. A ``LocalMemo`` keeps them in this process for at most
``VIRAGE_LOCAL_CACHE_SECONDS`` (1 s by default). A change made in this
process is seen at once (its ``forget`` is called where the shared entry is
deleted); one made in another process within that time.
"""

import threading
import time
import weakref

from django.conf import settings

_MEMOS = weakref.WeakSet()
_NOTHING = object()


def _seconds() -> float:
    return getattr(settings, "VIRAGE_LOCAL_CACHE_SECONDS", 1.0)


class LocalMemo:
    """Values by key, each kept for a short while; bounded in size."""

    def __init__(self, max_entries: int = 1024):
        self.max_entries = max_entries
        self.lock = threading.Lock()
        self.entries = {}
        _MEMOS.add(self)

    def get(self, key, compute):
        """The value remembered for ``key``, else ``compute()`` remembered."""
        now = time.monotonic()
        found = self.entries.get(key, _NOTHING)
        if found is not _NOTHING and found[0] > now:
            return found[1]
        value = compute()
        with self.lock:
            if len(self.entries) >= self.max_entries:
                self.entries.clear()
            self.entries[key] = (now + _seconds(), value)
        return value

    def forget(self, key=None) -> None:
        """Forget ``key``, or everything."""
        with self.lock:
            if key is None:
                self.entries.clear()
            else:
                self.entries.pop(key, None)


def local_memos_clear() -> None:
    """Forget what every memo of this process remembers (tests: the shared
    cache was emptied and the database rolled back under it)."""
    for memo in list(_MEMOS):
        memo.forget()
