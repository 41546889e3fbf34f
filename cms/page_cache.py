"""What the anonymous page cache and the site-frame cache store, for how long, and when they are emptied.

Keys carry a generation number. Whatever changes what the public sees bumps it, so every
cached page and fragment is stale at once: publishing, unpublishing, moving or deleting a
page (including `publish_scheduled`'s go-live and expiry), a view restriction, an approved
or changed comment, a published snippet or a saved setting, image or document. Listings
depend on many pages, so emptying everything is the only rule that is always right.
Draft saves, autosaves, revisions, logs and new held comments change nothing public and
leave the cache alone.

Nothing is kept past the next moment at which the visibility rule changes its answer by
the clock alone (a `go_live_at` or `expire_at` ahead, see `cms.visibility.next_change`), nor
past the moment a page says its own content changes by the clock (`changes_at`: an event
listing when an event ends, an event page when its registration closes).

The generation lives in the cache itself, so it is only seen by every worker if the cache
is shared (Redis). With a per-process cache (local memory) a change made in one worker
could not empty the others' copies: such a cache is used for pages and fragments only
where one process serves everything (`SERVES_FROM_ONE_PROCESS`: the development server
and the tests), and production refuses it (`cms.checks`).

The hit path does as little as it can: one cache round trip (the generation and the entry
together), or none when this process keeps a copy of the entry and Redis has not told it of a
new generation (client-side caching of the generation, `_watched_generation`); no session, no
authentication, no locale or site look-up. `serve_from_cache`
answers hits in front of Django altogether (cms/wsgi.py); `AnonymousPageCacheMiddleware`
stores the responses, and answers hits for servers that do not use cms/wsgi.py (runserver,
the test client). Both compute the key from the raw request (`key_for`), so anything that
differs (scheme, host, forwarded headers, path, query) is a different entry: a miss, never a
wrong page.

Downstream caches (a CDN, Varnish) are not told when something is published, so they may
keep a page only `FRONTEND_CACHE_SECONDS` (short); our own copy lasts until the next change.

Why not wagtail-cache (coderedcorp), the kept library for this: its latest release (3.0.0)
requires `wagtail<8.0`, so it does not install beside Wagtail 8; and it is a middleware, so a
hit still passes Django's request handling, where ours answers before Django (issue 19 asks
for a hit close to a bare WSGI app). It also clears its cache on publish only, and does not
know the clock-driven changes above (`go_live_at`/`expire_at`, `changes_at`). Revisit when a
release supports Wagtail 8: https://github.com/coderedcorp/wagtail-cache/releases
"""

import hashlib
import os
import secrets
import threading
import time
from collections import OrderedDict
from http import HTTPStatus
from http.cookies import SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import DraftStateMixin, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "page-cache:generation"
CHANGES_AT_ATTRIBUTE = "page_cache_changes_at"
# Cache backends private to each process.
PER_PROCESS_BACKENDS = {"django.core.cache.backends.locmem.LocMemCache"}
# Apps whose models show on public pages.
CONTENT_APPS = {"cms", "home", "practices", "materials", "blog", "events", "wagtailcore", "wagtailimages",
                "wagtaildocs", "django_comments_xtd", "django_comments", "wagtailsearchpromotions"}
COMMENT_APPS = {"django_comments_xtd", "django_comments"}
# Models of those apps that change all the time without changing what visitors see.
IGNORED_MODELS = {"wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
                  "wagtailcore.taskstate", "wagtailcore.workflowstate", "wagtailcore.pagesubscription",
                  "wagtailcore.referenceindex", "wagtailcore.comment", "wagtailcore.commentreply",
                  "wagtailcore.pagelock", "wagtailcore.uploadedfile", "wagtailimages.rendition",
                  "wagtailsearchpromotions.query", "wagtailsearchpromotions.querydailyhits",
                  # Held until moderated; approving and withdrawing empty the cache themselves
                  # (practices.adoption.moderate), so a new held report leaves it alone.
                  "practices.adoptionreport"}


def cache_is_shared():
    """Whether every process that serves the site sees this cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    return backend not in PER_PROCESS_BACKENDS or getattr(settings, "SERVES_FROM_ONE_PROCESS", False)


def enabled():
    """Whether whole pages are cached for anonymous visitors."""
    return settings.PAGE_CACHE_SECONDS > 0 and cache_is_shared()


# The generation read once per request (cleared when a request starts and on every bump).
_seen = threading.local()


def generation():
    value = getattr(_seen, "generation", None)
    if value is None:
        value = cache.get(GENERATION_KEY)
        if value is None:
            # A random start, not 1: after the cache is emptied (a Redis restart) the numbers of
            # the generations before it are not reused, so no process's copy of an entry keyed
            # by an old generation (`kept`) can pass for a new one.
            value = secrets.randbelow(2**62)
            if not cache.add(GENERATION_KEY, value, None):
                value = cache.get(GENERATION_KEY, value)
        _seen.generation = value
    return value


def forget_generation(**kwargs):
    _seen.generation = None


def _bump():
    forget_generation()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, secrets.randbelow(2**62), None)


class ProcessCopies:
    """At most `size` values kept in this process, the least recently used dropped first."""

    def __init__(self, size):
        self.size = size
        self.values = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.values.get(key)
            if value is not None:
                self.values.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.values[key] = value
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)

    def clear(self):
        with self.lock:
            self.values.clear()


# Entries whose key carries the generation are also kept in each process (`kept`), at most
# this many: reading them from Redis was most of the round trips of an uncached page. A key
# with the generation in it never names stale content, and each copy ends when its entry does.
LOCAL_ENTRIES = 2000
KEPT_PREFIX = "kept:"  # (end, value) pairs: apart from what earlier versions stored under the bare names
_local = ProcessCopies(LOCAL_ENTRIES)

# Entries this process has served, kept here too (at most this many, the least recently served
# dropped first): a hit on one of them reads only the generation from the cache, not the page.
# An entry is only ever served with the generation it was stored under, so a copy is exactly as
# fresh as the shared entry: the first request after a change reads a new generation and misses.
HIT_COPIES = 200
_hit_copies = ProcessCopies(HIT_COPIES)


def forget_local():
    """Drop this process's copies (kept answers and served pages)."""
    _local.clear()
    _hit_copies.clear()


def _has_local_copies():
    return settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_BACKENDS


def keep(key, value, seconds):
    """Keep `value` under `key` (which must carry `generation()`) for `seconds`, in the shared
    cache and in this process."""
    key, end = KEPT_PREFIX + key, time.time() + seconds
    cache.set(key, (end, value), seconds)
    if _has_local_copies():
        _local.put(key, (end, value))


def kept(key):
    """What `keep` kept under `key` and has not ended, or None: this process's copy if it has one."""
    key, now = KEPT_PREFIX + key, time.time()
    if _has_local_copies():
        found = _local.get(key)
        if found is not None and found[0] > now:
            return found[1]
    found = cache.get(key)
    if found is None or found[0] <= now:
        return None
    if _has_local_copies():
        _local.put(key, found)
    return found[1]


def shared_lookup(name, key, read, seconds=60 * 60):
    """`read()`, kept in the shared cache until what the public sees changes (a new generation).

    For look-ups every request makes and only an administrator changes (sites, locales).
    Without a shared cache, `read()` every time. A None answer is not kept.
    """
    if not cache_is_shared():
        return read()
    cache_key = f"{name}:{generation()}:{key}"
    value = kept(cache_key)
    if value is None:
        value = read()
        if value is not None:
            keep(cache_key, value, seconds)
    return value


def invalidate(**kwargs):
    """Empty every cached page and fragment, now and again when the change is committed.

    The second bump catches a page another worker rendered from the old, not yet
    committed state after the first bump.
    """
    _bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def changes_at(request, moment):
    """Say that the page answering `request` changes by the clock alone at `moment` (an aware datetime).

    E.g. an event listing when an event ends: the cached copy is not kept past it.
    """
    if request is None or moment is None:
        return
    current = getattr(request, CHANGES_AT_ATTRIBUTE, None)
    if current is None or moment < current:
        setattr(request, CHANGES_AT_ATTRIBUTE, moment)


def timeout(seconds, request=None):
    """`seconds`, shortened so that nothing cached outlives the next scheduled change of visibility
    nor the moment the page said it changes (`changes_at`)."""
    from .visibility import next_change

    page_changes = getattr(request, CHANGES_AT_ATTRIBUTE, None)
    if page_changes is not None:
        seconds = min(seconds, max(0, int(page_changes.timestamp() - time.time())))

    change = next_change()
    if change is not None:
        seconds = min(seconds, max(0, int(change.timestamp() - time.time())))
    return seconds


def _is_child_of_revisioned_object(model):
    """Inline children (menu items, authors, tags of a post) change with their page or snippet's publish."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, (Page, DraftStateMixin))
        for field in model._meta.get_fields()
    )


def changes_public_content(sender, instance, created=False, update_fields=None):
    """Whether saving or deleting `instance` may change what anonymous visitors see."""
    meta = sender._meta
    if meta.app_label not in CONTENT_APPS or meta.label_lower in IGNORED_MODELS:
        return False
    if issubclass(sender, (Page, DraftStateMixin)):
        # Publishing sends its own signal; a draft save, an autosave or a new draft changes
        # no live row. A full save of a live object (code, not the admin) may.
        return getattr(instance, "live", False) and update_fields is None
    if _is_child_of_revisioned_object(sender):
        return False
    if issubclass(sender, BaseSiteSetting):
        return not created  # created empty on the first page view; nothing visible changed
    if meta.app_label in COMMENT_APPS:
        # Held comments are not shown: only a comment that is, or was, public changes a page.
        return is_public_comment(instance) or getattr(instance, "_was_public_comment", False)
    return True


def is_public_comment(comment):
    return getattr(comment, "is_public", True) and not getattr(comment, "is_removed", False)


def remember_comment_state(sender, instance, **kwargs):
    if sender._meta.app_label in COMMENT_APPS and instance.pk:
        previous = sender._default_manager.filter(pk=instance.pk).first()
        instance._was_public_comment = previous is not None and is_public_comment(previous)


def invalidate_on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if changes_public_content(sender, instance, created, update_fields):
        invalidate()


def invalidate_on_delete(sender, instance, **kwargs):
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS:
        invalidate()


def invalidate_on_restriction_groups(sender, **kwargs):
    if kwargs.get("action", "").startswith("post_"):
        invalidate()


def connect():
    request_started.connect(forget_generation, dispatch_uid="page-cache-generation")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    pre_save.connect(remember_comment_state, dispatch_uid="page-cache-comment-state")
    post_save.connect(invalidate_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(invalidate_on_delete, dispatch_uid="page-cache-delete")
    m2m_changed.connect(
        invalidate_on_restriction_groups, sender=PageViewRestriction.groups.through, dispatch_uid="page-cache-groups"
    )


# What makes one response differ from another, read raw from the WSGI environ.
KEY_VARIABLES = ("REQUEST_METHOD", "wsgi.url_scheme", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
                 "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING")
UNCACHED_PATHS = ("/admin/", "/documents/", "/comments/")
# Hooks a cached response asks to run on every hit (e.g. counting a search for promotions).
ON_HIT = {}


def key_for(environ):
    raw = "\n".join(str(environ.get(name, "")) for name in KEY_VARIABLES)
    return "page-cache:entry:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def is_cacheable_environ(environ):
    """GET or HEAD, outside the admin, without a session (so no logged-in user)."""
    if not enabled() or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(UNCACHED_PATHS):
        return False
    cookies = environ.get("HTTP_COOKIE", "")
    return settings.SESSION_COOKIE_NAME not in cookies or settings.SESSION_COOKIE_NAME not in SimpleCookie(cookies)


def is_cacheable_request(request):
    """A preview never is: it carries the editor's session, and Wagtail marks its answer private."""
    return is_cacheable_environ(request.META)


class _Connection(threading.local):
    """The Redis connection this thread reads cache hits with, and the process and pool it came from."""

    value = None
    pid = None
    pool = None


def _is_current(kept, pool):
    """Whether a connection this thread keeps is this process's and of the cache's pool now (the
    cache is configured again in tests, and a forked process must open its own)."""
    return kept.value is not None and kept.pid == os.getpid() and kept.pool is pool


def _drop(kept):
    """Close a connection this thread keeps (not one a forked process inherited: its parent's)."""
    if kept.value is not None and kept.pid == os.getpid():
        kept.value.disconnect()
    kept.value = None


_connection = _Connection()


def _read_many(keys):
    """`cache.get_many(keys)`, in one round trip on a connection this thread keeps.

    With django-redis, a hit's read is a bare MGET on a connection taken once from its pool
    and decoded by its serializer: about a third of the time of `cache.get_many`, whose client
    takes and returns a pool connection, retries and records metrics on every call; for the
    sync workers that wait on it, that time is most of a hit's cost (issue 19). Any other
    backend, and any error (the connection is then dropped; the next read opens another),
    goes through `cache.get_many`. A connection is never shared with a forked process.
    """
    client = getattr(cache, "client", None)
    if not hasattr(client, "decode"):
        return cache.get_many(keys)
    made = [client.make_key(key) for key in keys]
    try:
        pool = client.get_client(write=False).connection_pool
        if not _is_current(_connection, pool):
            _drop(_connection)
            _connection.value, _connection.pid, _connection.pool = pool.make_connection(), os.getpid(), pool
        _connection.value.send_command("MGET", *made)
        values = _connection.value.read_response()
    except Exception:  # noqa: BLE001 - a broken connection only costs the fast path
        _drop(_connection)
        return cache.get_many(keys)
    return {key: client.decode(value) for key, value in zip(keys, values, strict=True) if value is not None}


class _Watch(threading.local):
    """This thread's connection on which Redis tells of every change of the generation (`value`
    for `_is_current`), the process and pool it came from, and the generation last read on it
    (None: read it again)."""

    value = None
    pid = None
    pool = None
    generation = None


_watch = _Watch()


def _forget_watched(message):
    _watch.generation = None  # Redis's message that the generation changed (or the database was emptied)


def _watched_generation(client):
    """The generation, read again only after Redis said it changed: a hit on a copy this process
    holds then costs a poll of a socket, not a round trip to Redis (issue 19).

    Redis's client-side caching (`CLIENT TRACKING ON`, RESP3, the generation read on the same
    connection) queues a message to this thread's own connection when any client changes the
    generation, while it runs that command and before that command's own answer, so before the
    publishing request goes on; the message is read here before the copy is trusted. A broken
    connection is dropped (its messages with it) and the next call opens another and reads the
    generation afresh; until then, or if the connection cannot be made at all, None: the caller
    reads the generation itself. redis-py's own client-side cache (`cache_config`) does the same
    for every key, but refuses servers older than Redis 7.4, and Debian 12 has 7.0.
    """
    watch = _watch
    key = client.make_key(GENERATION_KEY)
    try:
        pool = client.get_client(write=False).connection_pool
        if not _is_current(watch, pool):
            _drop(watch)
            watch.pid, watch.pool, watch.generation = os.getpid(), pool, None
            connection = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
            connection.connect()
            connection._parser.set_invalidation_push_handler(_forget_watched)
            connection.send_command("CLIENT", "TRACKING", "ON")
            connection.read_response()
            watch.value = connection
        connection = watch.value
        while connection.can_read(timeout=0):
            connection.read_response(push_request=True)
        if watch.generation is None:
            connection.send_command("GET", key)
            raw = connection.read_response()
            watch.generation = None if raw is None else client.decode(raw)
        return watch.generation
    except Exception:  # noqa: BLE001 - a broken connection only costs the fast path
        _drop(watch)
        watch.generation = None
        return None


def lookup(environ):
    """The stored (status, headers, body, on_hit) answering `environ`, or None: one cache round trip
    (the generation and the entry), or none when this process holds a copy of the entry and Redis
    has not said that the generation changed since it was read (`_watched_generation`)."""
    key = key_for(environ)
    entry = _hit_copies.get(key) if _has_local_copies() else None
    if entry is not None:
        client = getattr(cache, "client", None)
        current = _watched_generation(client) if hasattr(client, "decode") else None
        if current is None:
            current = _read_many([GENERATION_KEY]).get(GENERATION_KEY)
        if entry[0] != current or entry[1] <= time.time():
            # A change since (the shared entry, if any, is of the new generation), or the copy
            # has ended (the shared entry may be a newer rendering): read the shared one.
            entry = None
    if entry is None:
        found = _read_many([GENERATION_KEY, key])
        entry, current = found.get(key), found.get(GENERATION_KEY)
        if entry is None or entry[0] != current:
            return None
        if _has_local_copies():
            _hit_copies.put(key, entry)
    # The entry's own end, not only the cache's: Redis expires whole seconds late at most, and
    # a scheduled change (a page's expiry, an event's end) must not be outlived by a moment.
    if entry[1] <= time.time():
        return None
    return entry[2:]


def store(request, response, seconds):
    """Keep `response` (rendered, final headers) for `seconds` under the current generation (the entry
    carries its end: it is not served after it, whatever the cache backend's own expiry)."""
    headers = [(name, value) for name, value in response.items() if name != "X-Page-Cache"]
    on_hit = getattr(response, "page_cache_on_hit", None)
    entry = (generation(), time.time() + seconds, response.status_code, headers, response.content, on_hit)
    cache.set(key_for(request.META), entry, seconds)


def run_on_hit(on_hit):
    if on_hit:
        name, *args = on_hit
        ON_HIT[name](*args)


def serve_from_cache(application):
    """WSGI middleware answering cache hits before Django runs; everything else goes to `application`.

    Entries with a hook to run on each hit go through Django, so that the hook runs inside
    a normal request (database connections opened and closed as usual).
    """
    from .request_log import HEADER, request_id_from

    header = "HTTP_" + HEADER.upper().replace("-", "_")

    def cached_application(environ, start_response):
        if is_cacheable_environ(environ):
            found = lookup(environ)
            if found is not None and not found[3]:
                status, headers, body, _ = found
                request_id = request_id_from(environ.get(header, ""))
                start_response(
                    f"{status} {HTTPStatus(status).phrase}",
                    [*headers, ("X-Page-Cache", "hit"), (HEADER, request_id)],
                )
                return [body]
        return application(environ, start_response)

    return cached_application


def is_cacheable_response(response):
    if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))
