import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site


def pytest_collection_modifyitems(config, items):
    """Tests marked `search_engine` need a real engine: skip them, saying so, when none is configured."""
    from django.conf import settings

    if getattr(settings, "SEARCH_ENGINE_BACKEND", None):
        return
    skip = pytest.mark.skip(reason="needs a search engine: set OPENSEARCH_URL (`make services` starts one and prints it)")
    for item in items:
        if item.get_closest_marker("search_engine"):
            item.add_marker(skip)


@receiver(setting_changed)
def reset_comments_xtd_settings(setting, **kwargs):
    """django-comments-xtd caches its settings on first use; make override_settings reach it."""
    if setting.startswith("COMMENTS_XTD_"):
        from django.utils.functional import empty
        from django_comments_xtd import conf

        conf.settings._wrapped = empty


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db, django_capture_on_commit_callbacks):
    """A Finnish home page as the default site's root, with live Swedish and English translations."""
    from tests.factories import HomePageFactory, translate_page

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Etusivu", slug="etusivu", hero_heading="Tervetuloa")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page").delete()
    with django_capture_on_commit_callbacks(execute=True):
        for language, title in (("sv", "Startsida"), ("en", "Home")):
            translate_page(home, language, {"title": title, "hero_heading": title})
    return home


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; a rolled-back test must not leave them to the next one."""
    from django.core.cache import cache

    from cms import request_cache

    cache.clear()
    request_cache.clear()
    yield
    cache.clear()
    request_cache.clear()
