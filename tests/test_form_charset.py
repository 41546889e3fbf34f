"""A form body in another charset than UTF-8 is a 400 on every URL, also with a CSRF cookie.

With a well-formed `csrftoken` cookie Django's CSRF check reads the body, the body
raises BadRequest, and Django's 400 handler used to read it again and fail with a 500
(see cms/django_form_charset.py).
"""

import pytest
from django.test import Client

from tests.factories.blog import BlogIndexPageFactory
from tests.factories.practices import PracticeIndexPageFactory

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def urls(home):
    practices = PracticeIndexPageFactory(parent=home)
    blog = BlogIndexPageFactory(parent=home, slug="blogi")
    return ["/", "/search/", practices.url, "/admin/login/", "/i18n/setlang/", "/comments/post/",
            blog.url + "feed/rss/", blog.url + "feed/atom/", "/sv/search/"]


@pytest.mark.parametrize(
    ("body", "charset"),
    [("q=ä".encode("utf-16"), "utf-16"), ("q=ä".encode("latin-1"), "latin-1"), (b"q=1", "windows-1252")],
)
def test_non_utf8_form_body_is_a_400_everywhere(urls, body, charset):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    for url in urls:
        response = client.generic("POST", url, body, content_type=f"{FORM}; charset={charset}")
        assert response.status_code == 400, url


def test_utf8_form_body_still_reaches_the_view(home):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    response = client.generic("POST", "/i18n/setlang/", b"language=sv&csrfmiddlewaretoken=" + b"a" * 32,
                              content_type=f"{FORM}; charset=UTF-8")
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "sv"
