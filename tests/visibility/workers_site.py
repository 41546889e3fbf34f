"""The small site `test_workers.py` serves: a home page, a blog and two posts, built as the admin builds them."""

from django.contrib.auth import get_user_model

from blog.models import BlogIndexPage, BlogPage

from .world import create_home, create_page


def build(password):
    """Builds the site; prints {slug: page id} of the posts as JSON."""
    import json

    user = get_user_model().objects.create_superuser("toimittaja", "toimittaja@example.org", password)
    home = create_home(user, hostname="127.0.0.1")["fi"]
    blog = create_page(home, BlogIndexPage(title="Blogi", slug="blogi"), user)
    ids = {}
    for slug, title in (("yksityiseksi", "Yksityiseksi muuttuva kirjoitus"),
                        ("yksityiseksi-redis", "Redis-kirjoitus muuttuu yksityiseksi")):
        # Comments off: a post with an open comment form is never cached (Cache-Control: private).
        post = BlogPage(title=title, slug=slug, lead="Kaikille näkyvä johdanto.", comments_enabled=False)
        ids[slug] = create_page(blog, post, user).pk
    print(json.dumps(ids))
