"""A search engine that is not there: clear messages at start-up and on update_index, 503 on search.

These use the real clients against a closed port on this machine, so they need no engine.
"""

import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from search.checks import search_engine_answers
from tests.factories.search import add_standard_page


def closed_port():
    """A port nothing listens on (taken from the system, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(params=["opensearch", "elasticsearch"])
def unreachable_engine(request, settings):
    variable = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}[request.param]
    url = f"http://127.0.0.1:{closed_port()}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{request.param}",
            "URLS": [url],
            "URL_SETTING": variable,
            "INDEX_PREFIX": "test_unreachable_",
            "TIMEOUT": 2,
        }
    }
    return f"{variable}={url}"


def test_the_start_up_check_names_the_variable_and_the_url(unreachable_engine):
    errors = search_engine_answers(None)
    assert [error.id for error in errors] == ["search.E001"]
    assert unreachable_engine in errors[0].msg
    assert "make services" in errors[0].hint


def test_the_start_up_check_is_silent_for_the_database_backend():
    assert search_engine_answers(None) == []


@pytest.mark.django_db
def test_update_index_ends_with_the_variable_and_the_url(unreachable_engine):
    with pytest.raises(CommandError) as failure:
        call_command("update_index", verbosity=0)
    assert unreachable_engine in str(failure.value)
    assert "cannot be used" in str(failure.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Haku ei ole juuri nyt käytettävissä."),
        ("/sv", "Sökningen är inte tillgänglig just nu."),
        ("/en", "Search is unavailable at the moment."),
    ],
)
def test_search_answers_503_and_the_rest_of_the_site_works(client, home, locales, settings, caplog, prefix, message):
    page = add_standard_page(home, "Kotoutuminen", lead="kotoutuminen")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.opensearch", "URLS": [f"http://127.0.0.1:{closed_port()}"],
                    "URL_SETTING": "OPENSEARCH_URL", "TIMEOUT": 2}
    }
    settings.PAGE_CACHE_SECONDS = 600  # a 503 must not be kept in the page cache either

    response = client.get(f"{prefix}/search/", {"q": "kotoutuminen"})

    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    html = response.content.decode()
    assert message in html
    assert 'class="search-results"' not in html
    assert "Traceback" not in html
    assert "OPENSEARCH_URL" in caplog.text  # the server log says which engine failed
    assert client.get(f"{prefix}/search/", {"q": "kotoutuminen"}).status_code == 503  # not cached
    assert client.get(f"{prefix}/search/").status_code == 200  # the empty form needs no engine
    assert client.get("/").status_code == 200
    assert client.get(page.url).status_code == 200
    # Editors keep working: saving and publishing a page does not fail on the missing engine.
    draft = add_standard_page(home, "Uusi sivu", lead="uusi", live=False)
    draft.save_revision().publish()
    assert Page.objects.get(pk=draft.pk).live
    assert client.get(draft.url).status_code == 200
