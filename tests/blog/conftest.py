import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from blog.moderation import MODERATORS_GROUP
from tests.factories import UserFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory


@pytest.fixture
def blog_index(home):
    return BlogIndexPageFactory(parent=home, title="Blogi", slug="blogi")


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="Koko kunta edistää kotoutumista", slug="koko-kunta")


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderaattori@kotoutuminen.example")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, email="")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def comment_form_fields(response, reply_to=0):
    """The hidden fields of the page's comment form (or a reply form), as a browser would send them."""
    for form in soup(response).find_all("form", class_="comment-form"):
        fields = {
            field["name"]: field.get("value", "")
            for field in form.find_all("input")
            if field.get("type") == "hidden"
        }
        if fields.get("reply_to") == str(reply_to):
            fields["action"] = form["action"]
            honeypot = form.find("div", class_="comment-form__honeypot").find("input")
            fields[honeypot["name"]] = ""
            return fields
    raise AssertionError(f"no comment form with reply_to={reply_to}")


def post_comment(
    client, page, comment="Hyvä kirjoitus, kiitos!", reply_to=0, remote_addr="10.0.0.1", headers=None, **changes
):
    """GET the post, take the form's hidden fields and POST a comment the way a visitor does.

    `headers` are WSGI environ keys sent with the POST (e.g. HTTP_X_FORWARDED_FOR).
    """
    fields = comment_form_fields(client.get(page.url), reply_to=reply_to)
    action = fields.pop("action")
    data = {**fields, "name": "Maija Meikäläinen", "email": "maija@example.org", "comment": comment}
    data.update(changes)
    return client.post(action, data, REMOTE_ADDR=remote_addr, **(headers or {}))
