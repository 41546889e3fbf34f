"""Request-scoped look-ups (`cms.request_cache`) belong to one request, whatever thread serves it.

A threaded server serves two requests at once in one process: what one request reads and
keeps must be neither handed to the other nor emptied by it. With the look-ups kept in
module state (as before), the second request below would be handed the first one's value
and its start would empty the first one's store.
"""

import threading

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from cms import request_cache


def serve(view):
    """`view` run as one request through the middleware that gives each request its store."""
    request_cache.RequestCacheMiddleware(view)(RequestFactory().get("/"))


def test_two_requests_in_two_threads_keep_their_own_lookups():
    # Both requests look up the same key (as two requests look up the same locale or the
    # view restrictions); they interleave at the barrier's fixed points.
    step = threading.Barrier(2, timeout=10)
    seen, computed, errors = {}, [], []

    def lookup(value):
        return request_cache.scoped("key", lambda: computed.append(value) or value)

    def first(request):
        seen["first"] = lookup("first's value")
        step.wait()  # 1: the first request holds its value; the second starts now
        step.wait()  # 2: the second request has read its own value
        seen["first again"] = lookup("first's value read again")
        return HttpResponse()

    def second(request):
        seen["second"] = lookup("second's value")
        step.wait()  # 2
        return HttpResponse()

    def run_first():
        try:
            serve(first)
        except Exception as error:  # reported below: a thread's exception would be lost
            errors.append(error)
            step.abort()

    def run_second():
        try:
            step.wait()  # 1
            serve(second)
        except Exception as error:
            errors.append(error)
            step.abort()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert seen == {"first": "first's value", "second": "second's value", "first again": "first's value"}
    # Each request computed once: the second's start did not empty the first one's store.
    assert computed == ["first's value", "second's value"]


@pytest.mark.django_db
def test_view_restrictions_are_read_once_per_request_and_every_time_outside_one(django_assert_num_queries, settings):
    settings.SERVES_FROM_ONE_PROCESS = False  # no shared cache (locmem): only the request's store keeps them
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with django_assert_num_queries(2):
        request_cache.view_restrictions()
        request_cache.view_restrictions()
    with request_cache.request_scope(), django_assert_num_queries(1):
        request_cache.view_restrictions()
        request_cache.view_restrictions()
    with request_cache.request_scope():
        with django_assert_num_queries(1):
            request_cache.view_restrictions()
        with django_assert_num_queries(0):
            request_cache.view_restrictions()
        request_cache.clear()  # what saving or deleting a view restriction does
        with django_assert_num_queries(1):
            request_cache.view_restrictions()
