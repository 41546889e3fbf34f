"""A page-cache hit on a copy the process holds asks Redis nothing while the generation stands,
and is never served after a change (cms.page_cache._watched_generation: Redis's client-side
caching of the generation). Needs Redis on 127.0.0.1:6379 (`make services`); skipped without."""

import os

import pytest
import redis
from django.core.cache import cache

from bench.load import redis_answers
from cms import page_cache

REDIS_URL = os.environ.get("TEST_WATCH_REDIS_URL", "redis://127.0.0.1:6379/4")
OTHER_REDIS_URL = os.environ.get("TEST_WATCH_OTHER_REDIS_URL", "redis://127.0.0.1:6379/5")
pytestmark = [
    pytest.mark.skipif(not redis_answers(), reason="Redis does not answer on 127.0.0.1:6379"),
    pytest.mark.django_db,
]


def redis_cache(location, prefix):
    return {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "KEY_PREFIX": prefix}}


@pytest.fixture
def client_of_redis(settings):
    """The cache in Redis, under a prefix of this process's own (pytest-xdist may run another beside).

    Before it, the hit path's connections are opened on another cache, as a test before this
    one in the same process leaves them: they must not be used for this one."""
    settings.CACHES = redis_cache(OTHER_REDIS_URL, "watch-test-other")
    page_cache._read_many([page_cache.GENERATION_KEY])
    page_cache._watched_generation(cache.client)
    settings.CACHES = redis_cache(REDIS_URL, f"watch-test-{os.getpid()}")
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.forget_generation()
    page_cache.forget_local()
    yield cache.client
    cache.delete_pattern("*")


def watch_id():
    page_cache._watch.value.send_command("CLIENT", "ID")
    return page_cache._watch.value.read_response()


def another_worker(client):
    """What another gunicorn worker's publish does to the generation: a command on its own connection."""
    return redis.Redis.from_url(REDIS_URL), client.make_key(page_cache.GENERATION_KEY)


def test_the_generation_is_read_once_and_again_only_after_a_change(client_of_redis):
    generation = page_cache.generation()
    assert page_cache._watched_generation(client_of_redis) == generation
    sent = []
    connection = page_cache._watch.value
    send = connection.send_command
    connection.send_command = lambda *args, **kwargs: (sent.append(args[0]), send(*args, **kwargs))[1]
    for _hit in range(5):
        assert page_cache._watched_generation(client_of_redis) == generation
    assert sent == []  # no round trip while the generation stands
    other, key = another_worker(client_of_redis)
    other.incr(key)
    assert page_cache._watched_generation(client_of_redis) == generation + 1  # told, read again at once
    other.delete(key)  # emptied (a restart, FLUSHDB): nothing to trust
    assert page_cache._watched_generation(client_of_redis) is None
    assert sent == ["GET", "GET"]


def test_a_held_copy_is_never_served_after_another_worker_changes_the_generation(client_of_redis, client, home):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"  # stored, then held by this process
    assert client.get("/")["X-Page-Cache"] == "hit"  # the held copy, the generation watched
    assert page_cache._watch.value is not None
    other, key = another_worker(client_of_redis)
    other.incr(key)
    assert client.get("/").get("X-Page-Cache") != "hit"


def test_a_broken_watch_falls_back_to_asking_redis(client_of_redis, client, home):
    generation = page_cache.generation()
    assert page_cache._watched_generation(client_of_redis) == generation
    other, key = another_worker(client_of_redis)
    other.client_kill_filter(_id=watch_id())  # its messages are lost with it
    other.incr(key)
    assert page_cache._watched_generation(client_of_redis) is None  # the caller asks Redis itself
    assert page_cache._watched_generation(client_of_redis) == generation + 1  # on a new connection
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    other.client_kill_filter(_id=watch_id())
    other.incr(key)
    assert client.get("/").get("X-Page-Cache") != "hit"
