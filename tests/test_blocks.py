"""The shared blocks' rules: what editors are told when a block is filled wrongly."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamValue

from cms.blocks import BaseStreamBlock, CallToActionBlock, VideoBlock, embed_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=abcDEF_1234", "https://www.youtube-nocookie.com/embed/abcDEF_1234?autoplay=1&rel=0"),
        ("https://youtu.be/abcDEF_1234", "https://www.youtube-nocookie.com/embed/abcDEF_1234?autoplay=1&rel=0"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?dnt=1&autoplay=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
        ("https://www.youtube.com/watch?v=%22%3E%3Cscript%3E", None),
    ],
)
def test_embed_url_is_privacy_friendly_or_nothing(url, expected):
    assert embed_url(url) == expected


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    with pytest.raises(ValidationError) as neither:
        block.clean(block.to_python({"text": "Lue lisää", "external_url": "", "page": None}))
    with translation.override("en"):
        assert "Choose a page or give an external address" in str(neither.value.block_errors["page"])
    value = block.clean(block.to_python({"text": "Lue lisää", "external_url": "https://example.org/"}))
    assert value.url() == "https://example.org/"


def test_video_block_rejects_addresses_it_cannot_embed():
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"title": "Video", "url": "https://example.org/a.mp4"}))
    with translation.override("en"):
        assert "YouTube or Vimeo" in str(error.value.block_errors["url"])


def test_every_shared_block_offers_an_editor_preview():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.label, name
        assert block.is_previewable, f"{name} has no preview"


@pytest.mark.django_db
def test_video_renders_without_loading_anything_from_the_host():
    stream = StreamValue(
        BaseStreamBlock(), [("video", {"title": "Ymmärrä Suomea", "url": "https://www.youtube.com/watch?v=abcDEF_1234"})]
    )
    html = str(stream)
    assert "<iframe" not in html and "<script" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abcDEF_1234' in html
    assert 'href="https://www.youtube.com/watch?v=abcDEF_1234"' in html


def test_video_transcript_follows_the_figure_and_the_button_names_the_video():
    from bs4 import BeautifulSoup
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string(
            "includes/video_player.html",
            {
                "title": "Understanding Finland",
                "url": "https://www.youtube.com/watch?v=abcDEF_1234",
                "embed_url": "https://www.youtube-nocookie.com/embed/abcDEF_1234",
                "transcript": "<p>Welcome</p>",
            },
        )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.figure.find("details") is None  # a <details> may not sit inside a <figure>
    assert soup.figure.find_next_sibling("details").find("div", class_="rich-text").get_text() == "Welcome"
    assert soup.find("button").get_text(" ", strip=True) == "▶ Play video: Understanding Finland"


@pytest.mark.django_db
def test_card_images_offer_a_double_density_rendition():
    import wagtail_factories
    from bs4 import BeautifulSoup
    from django.template.loader import render_to_string

    image = wagtail_factories.ImageFactory(file__width=1200, file__height=675)
    img = BeautifulSoup(render_to_string("includes/card_image.html", {"image": image}), "html.parser").img
    widths = sorted(int(candidate.split()[-1].rstrip("w")) for candidate in img["srcset"].split(", "))
    assert widths == [480, 960]
    assert img["sizes"].endswith("100vw") and img["loading"] == "lazy" and img["alt"] == ""
