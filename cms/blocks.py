"""The shared StreamField blocks every body is built from.

Other apps reuse `BaseStreamBlock` and the single blocks here; each block carries its
icon, template, label, description and preview value so editors get block previews.
"""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .visibility import visible_localized


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading. Headings build the page's outline for screen readers.")
        preview_value = {"text": "Kotoutuminen alkaa ensimmäisestä päivästä", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        description = _("Formatted text with links and lists.")
        preview_value = (
            "<p>Kotoutumisen osaamiskeskus tunnistaa, nostaa esiin ja levittää "
            "kotoutumista edistäviä <b>hyviä käytäntöjä</b>.</p>"
        )


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with required alternative text and an optional caption.")
        preview_value = {"alt_text": "Ihmisiä koulutuksessa", "caption": "Koulutuspäivä 2019"}


class VideoBlock(blocks.StructBlock):
    """A privacy-friendly video: nothing loads from the host until the visitor clicks."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(
        label=_("Video URL"), help_text=_("A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("A video that loads only after the visitor clicks play.")
        preview_value = {
            "title": "Ymmärrä Suomea: Suomalainen yhteiskunta",
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not embed_url(value["url"]):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Give the address of a YouTube or Vimeo video."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = embed_url(value["url"])
        return context


def embed_url(url):
    """The privacy-friendly embed address of a YouTube or Vimeo video, or None.

    YouTube videos are embedded from youtube-nocookie.com, which sets no cookie until
    the video plays; the iframe itself is only created after the visitor clicks.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    elif host == "vimeo.com":
        vimeo_id = parsed.path.strip("/").split("/")[0]
        if vimeo_id.isdigit():
            return f"https://player.vimeo.com/video/{vimeo_id}?dnt=1&autoplay=1"
    if video_id and all(c.isalnum() or c in "-_" for c in video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
    return None


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "blocks/document_list_block.html"
        description = _("A list of downloadable documents with their type and size.")
        preview_value = {"title": "Mallinnusraportit", "documents": []}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A highlighted quotation with its source.")
        preview_value = {
            "quote": "Maahan muuttanut on ensisijaisesti kunnan asukas, uusi kuntalainen.",
            "attribution": "Yhteinen kuntamme -hanke",
        }


class LinkStructValue(blocks.StructValue):
    def url(self):
        """The chosen page in the active language, if a visitor may see it; else the external address."""
        page = self.get("page")
        if page is None:
            return self.get("external_url")
        shown = visible_localized([page]).get(page.pk)
        return shown.url if shown else None


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        description = _("A prominent link to a page on this site or to another site.")
        preview_value = {
            "text": "Tarjoa hyvä käytäntösi",
            "description": "Haku on auki marraskuun loppuun.",
            "external_url": "https://kotoutuminen.example/haku",
        }

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("external_url"))
        if has_page == has_url:
            message = ValidationError(_("Choose either a page or an external address, not both."))
            if not has_page:
                message = ValidationError(_("Choose a page or give an external address."))
            raise StructBlockValidationError(block_errors={"page": message})
        return value


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 28 or 14 000"))
    label = blocks.CharBlock(label=_("Label"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"
        description = _("Numbers with labels, shown large.")
        preview_value = {
            "title": "Kotona Suomessa lukuina",
            "figures": [
                {"figure": "28", "label": "pilottihanketta"},
                {"figure": "14 000", "label": "osallistumista koulutuksiin"},
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = ParagraphBlock(label=_("Content"))


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "blocks/accordion_block.html"
        description = _("Questions and answers, or other content that opens on request.")
        preview_value = {
            "title": "Usein kysyttyä",
            "items": [
                {"title": "Kuka voi tarjota hyvää käytäntöä?", "body": "<p>Kuka tahansa toimija.</p>"}
            ],
        }


class ContactPersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Title or role"), required=False, max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "blocks/contact_person_block.html"
        description = _("Who to contact for more information.")
        preview_value = {
            "name": "Aino Esimerkki",
            "role": "Erityisasiantuntija",
            "organisation": "Kotoutumisen osaamiskeskus",
            "email": "aino.esimerkki@kotoutuminen.example",
        }


class AccessibleTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("Says what the table shows; read first by screen readers.")
    )
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A data table with a caption and header row.")
        preview_value = {
            "caption": "Pilottihaut",
            "table": {
                "data": [["Haku", "Pilotteja"], ["1", "7"], ["2", "8"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageWithCaptionBlock()
    video = VideoBlock()
    documents = DocumentListBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    contact_person = ContactPersonBlock()
    table = AccessibleTableBlock()
