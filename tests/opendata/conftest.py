from django.db import transaction
from django.test import Client, TestCase


def built_once(django_db_blocker, build):
    """For a module-scoped fixture (`yield from`): build() run once, rolled back after the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        with TestCase.captureOnCommitCallbacks(execute=True):
            data = build()
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def get_json(url, status=200, **headers):
    response = Client().get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return response.json()
