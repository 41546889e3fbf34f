"""load_demo_content builds the site in three languages and is idempotent.

One transactional test: wagtail-localize publishes translations on commit, so the
command runs here as it does from the shell, each step committed before the next.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision, Site

from cms.models import Footer, MainMenu, SiteSettings


def inventory():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "menus": MainMenu.objects.count(),
        "footers": Footer.objects.count(),
        "revisions": Revision.objects.count(),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_site(settings, client):
    settings.DEBUG = True  # creates the development admin user, as `make run` does
    with open("/dev/null", "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
        before = inventory()
        call_command("load_demo_content", stdout=quiet)
    assert inventory() == before, "a second run must change nothing"

    for language in ("sv", "en"):
        pages = Page.objects.filter(locale=Locale.objects.get(language_code=language), depth__gt=1)
        assert pages.count() >= 4
        assert not pages.filter(alias_of__isnull=False).exists(), f"{language}: demo pages are real translations"
        assert not pages.filter(live=False).exists()

    swedish = client.get("/sv/om-oss/")
    assert swedish.status_code == 200
    assert "Om oss" in swedish.content.decode()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.accessibility_statement_page.title == "Saavutettavuusseloste"
    assert site_settings.comment_policy_page.title == "Kommentointiohjeet"
    english = client.get("/en/").content.decode()
    assert "Accessibility statement" in english
    assert "Centre of Expertise in Immigrant Integration" in english

    assert client.login(username="admin", password="admin")
    assert client.get("/admin/").status_code == 200
