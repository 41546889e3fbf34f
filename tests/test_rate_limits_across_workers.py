"""Rate limits hold across processes: gunicorn with two workers counts in the one Redis they share.

With a per-process cache each worker counted alone (10 comments accepted instead of 5,
the first refused login at attempt 21). The server runs behind one trusted proxy here
(`TRUSTED_PROXY_COUNT=1`): each test run is a fresh client address in X-Forwarded-For,
so counts left in Redis by an earlier run within the window do not matter.

django-ratelimit counts in fixed windows that end at an instant of their own per address
(`_get_window`): attempts straddling that instant are counted in two windows. That is the
limiter's design (at most twice the rate across a boundary); the tests pick addresses whose
window does not end while they run, so that they check the count, not the clock.
"""

import os
import random
import time

import pytest
from django_ratelimit.core import _get_window

from tests.blog.conftest import comment_form_fields
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.practices import PracticeCallPageFactory, PracticeIndexPageFactory
from tests.live_gunicorn import Visitor, gunicorn, production_static  # noqa: F401 - fixtures
from tests.practices.test_review import submission_data

REDIS_URL = os.environ.get("REDIS_URL")

pytestmark = [
    pytest.mark.skipif(not REDIS_URL, reason="needs Redis: set REDIS_URL (CI sets it on the PostgreSQL run)"),
    # serialized_rollback: the data migrations' rows (locales, groups, the root page) come back after a flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fresh_address(room_seconds=120, period_seconds=300):
    """An unused client address whose rate window (of `period_seconds`) has `room_seconds` left."""
    while True:
        address = "198.18.{}.{}".format(*random.sample(range(1, 255), 2))  # noqa: S311 - not a secret
        if _get_window(address, period_seconds) - time.time() >= room_seconds:
            return address


class ContentStub:
    def __init__(self, content):
        self.content = content


def post_comment_over_http(visitor, post):
    status, content = visitor.get(post.url)
    assert status == 200
    fields = comment_form_fields(ContentStub(content))
    action = fields.pop("action")
    fields.update(name="Maija", email="maija@example.org", comment="Kiitos kirjoituksesta!")
    fields["csrfmiddlewaretoken"] = visitor.cookies.get("csrftoken", "")
    return visitor.post(action, fields)[0]


def test_sixth_comment_and_eleventh_login_from_one_address_get_429(gunicorn, home):  # noqa: F811
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home, slug="blogi"), slug="kirjoitus")
    server, database = gunicorn(redis_url=REDIS_URL, TRUSTED_PROXY_COUNT=1)

    address = fresh_address(period_seconds=600)  # BLOG_COMMENT_RATE 5/10m
    statuses = [post_comment_over_http(Visitor(server.port, forwarded_for=address), post) for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert database.scalar("SELECT COUNT(*) FROM django_comments") == 5
    assert post_comment_over_http(Visitor(server.port, forwarded_for=fresh_address()), post) == 302

    login = Visitor(server.port, forwarded_for=fresh_address(period_seconds=300))  # ADMIN_LOGIN_RATE 10/5m
    attempts = []
    for number in range(11):
        token = login.form_fields("/admin/login/")["csrfmiddlewaretoken"]
        attempts.append(login.post("/admin/login/", {"username": "admin", "password": f"arvaus{number}",
                                                     "csrfmiddlewaretoken": token})[0])
    assert attempts == [200] * 10 + [429]


def test_sixth_practice_submission_from_one_address_gets_429(gunicorn, home):  # noqa: F811
    index = PracticeIndexPageFactory(parent=home)
    call = PracticeCallPageFactory(parent=index, slug="haku")
    server, database = gunicorn(redis_url=REDIS_URL, TRUSTED_PROXY_COUNT=1, PRACTICE_SUBMISSION_RATE="5/h")
    visitor = Visitor(server.port, forwarded_for=fresh_address(period_seconds=3600))  # 5/h
    statuses = []
    for number in range(6):
        token = visitor.form_fields(call.url, "form[enctype='multipart/form-data']")["csrfmiddlewaretoken"]
        statuses.append(visitor.post(call.url, {**submission_data(title=f"Malli {number}"),
                                                "csrfmiddlewaretoken": token})[0])
    assert statuses == [302] * 5 + [429]
    assert database.scalar("SELECT COUNT(*) FROM practices_practicesubmission") == 5
