"""The Redis cache builds one client per connection pool, not one per call."""

import redis

from core.redis_cache import RedisCache


def _cache(location="redis://127.0.0.1:6379/13"):
    return RedisCache(location, {})


def test_one_client_per_pool_reused_by_every_call():
    cache = _cache()._cache

    first = cache.get_client("a")

    assert isinstance(first, redis.Redis)
    assert cache.get_client("b") is first
    assert cache.get_client("c", write=True) is first
    assert first.connection_pool is cache._get_connection_pool(write=False)


def test_replicas_each_keep_their_own_client():
    cache = _cache("redis://primary:6379/1,redis://replica:6379/1")._cache

    written = cache.get_client(write=True)
    read = cache.get_client()

    assert written.connection_pool.connection_kwargs["host"] == "primary"
    assert read.connection_pool.connection_kwargs["host"] == "replica"
    assert cache.get_client() is read
    assert cache.get_client(write=True) is written


def test_caches_do_not_share_clients():
    assert _cache()._cache.get_client() is not _cache()._cache.get_client()
