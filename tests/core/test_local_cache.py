"""``core.local_cache.LocalMemo``: a value kept for at most
``VIRAGE_LOCAL_CACHE_SECONDS``, forgotten at once when asked."""

from core.local_cache import LocalMemo, local_memos_clear


def test_a_value_is_computed_once_while_it_is_fresh():
    memo, calls = LocalMemo(), []

    def compute():
        calls.append(1)
        return len(calls)

    assert [memo.get("k", compute) for _ in range(3)] == [1, 1, 1]


def test_a_value_expires(settings):
    settings.VIRAGE_LOCAL_CACHE_SECONDS = 0
    memo, calls = LocalMemo(), []

    def compute():
        calls.append(1)
        return len(calls)

    assert [memo.get("k", compute) for _ in range(2)] == [1, 2]


def test_forget_one_or_all():
    memo = LocalMemo()
    memo.get("a", lambda: "ancien a")
    memo.get("b", lambda: "ancien b")

    memo.forget("a")
    assert memo.get("a", lambda: "nouveau a") == "nouveau a"
    assert memo.get("b", lambda: "nouveau b") == "ancien b"
    local_memos_clear()
    assert memo.get("b", lambda: "nouveau b") == "nouveau b"


def test_its_size_is_bounded():
    memo = LocalMemo(max_entries=2)
    for key in range(5):
        memo.get(key, lambda: "v")

    assert len(memo.entries) <= 2
