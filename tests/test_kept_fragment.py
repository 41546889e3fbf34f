"""`{% keptfragment %}` (cms/templatetags/kept_fragment.py): a part of a page kept as HTML until
what the public sees changes, per language and site, never in a preview."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from cms import page_cache

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    '{% load i18n kept_fragment %}{% keptfragment "part" key %}{% translate "Type" %} {{ text }}{% endkeptfragment %}'
)


def render(text, key=1, language="fi", request=None, **attributes):
    request = request or RequestFactory().get("/")
    for name, value in attributes.items():
        setattr(request, name, value)
    with translation.override(language):
        return TEMPLATE.render(Context({"request": request, "text": text, "key": key}))


def test_the_part_is_kept_and_shown_again_until_the_public_content_changes(home):
    assert render("ensimmäinen") == "Tyyppi ensimmäinen"
    assert render("toinen") == "Tyyppi ensimmäinen"  # kept: not rendered again
    page_cache.invalidate()  # what a publish, an unpublish, a snippet's or an image's save does
    assert render("kolmas") == "Tyyppi kolmas"


def test_each_variable_language_and_site_has_its_own_part(home):
    from wagtail.models import Site

    other = Site.objects.create(hostname="toinen.example", port=80, root_page=home)
    on_other = RequestFactory().get("/", HTTP_HOST="toinen.example")
    assert Site.find_for_request(on_other) == other
    assert render("yksi", key=1) == "Tyyppi yksi"
    assert render("kaksi", key=2) == "Tyyppi kaksi"
    assert render("svenska", key=1, language="sv") == "Typ svenska"
    assert render("toinen sivusto", key=1, request=on_other) == "Tyyppi toinen sivusto"
    assert [render("ei näy", key=key) for key in (1, 2)] == ["Tyyppi yksi", "Tyyppi kaksi"]


def test_a_preview_or_a_render_without_a_request_is_never_kept_nor_served_from_the_kept_part(home):
    assert render("julkinen") == "Tyyppi julkinen"
    assert render("esikatselu", is_preview=True) == "Tyyppi esikatselu"
    assert render("toinen") == "Tyyppi julkinen"  # the preview did not replace the kept part
    with translation.override("fi"):
        assert TEMPLATE.render(Context({"text": "ilman pyyntöä", "key": 1})) == "Tyyppi ilman pyyntöä"


def test_the_tag_needs_a_quoted_name():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept_fragment %}{% keptfragment part %}x{% endkeptfragment %}")
