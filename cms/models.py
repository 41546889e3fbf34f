"""The site-wide models: the abstract base page, site settings and navigation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Locale, Orderable, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import routing


def default_locale_only():
    """`limit_choices_to` for links to translatable snippets: pages point at the original
    (default-language) snippet, and templates show its translation for the active language."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class BasePage(Page):
    """What every page type shares: listing fields for cards and SEO/social metadata.

    `Page.search_fields` already carries `locale` as a filter field, so every search
    can be restricted to the active language; subclasses extend this list.
    """

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Shown on cards and in lists instead of the page title, if given."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for cards, lists and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and when the page is shared on social media."),
    )

    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    @classmethod
    def served_with(cls):
        """Relations the page's view reads (`prefetch_related` lookups): read with the page when a
        URL is routed to it, and kept with it (cms.routing.read_specific)."""
        return ()

    def route(self, request, path_components):
        """Wagtail's routing, in one query for the whole path (see cms.routing)."""
        return routing.route(self, request, path_components, plain_routes={Page.route, BasePage.route})

    def get_view_restrictions(self):
        """Wagtail's, without reading the ancestors again when the page was just routed (see cms.routing)."""
        restrictions = routing.view_restrictions_on_chain(self)
        return super().get_view_restrictions() if restrictions is None else restrictions

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Lists and social media"),
        )
    ]

    override_translatable_fields = [SynchronizedField("listing_image")]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_summary(self):
        return self.listing_summary or self.search_description

    def json_ld(self, request):
        """schema.org objects of the page (`cms.structured_data`); page types override this."""
        from .structured_data import article

        return [article(self, request)]


DEFAULT_DATA_LICENCE_NAME = "CC BY 4.0"
DEFAULT_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class SocialLinkBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(
        choices=[
            ("youtube", "YouTube"),
            ("linkedin", "LinkedIn"),
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("bluesky", "Bluesky"),
            ("mastodon", "Mastodon"),
        ],
        label=_("Service"),
    )
    url = blocks.URLBlock(label=_("Address"))


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Per-site facts that are the same in every language.

    Pages chosen here are the Finnish originals; templates show their translation for
    the active language (`page.localized`). The organisation's name is language-dependent
    text, so it lives in the translatable `Footer` snippet, not here.
    """

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    accessibility_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("comment policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked beside the comment and practice submission forms."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social media links")
    )
    # The open data API (`/api/v2/`) names this licence in every response.
    data_licence_name = models.CharField(
        _("licence of the open data"),
        max_length=100,
        default=DEFAULT_DATA_LICENCE_NAME,
        help_text=_("The licence under which the content is published as open data, e.g. CC BY 4.0."),
    )
    data_licence_url = models.URLField(
        _("address of the licence"), default=DEFAULT_DATA_LICENCE_URL, help_text=_("The licence's own text.")
    )

    panels = [
        FieldPanel("contact_email"),
        PageChooserPanel("accessibility_statement_page"),
        PageChooserPanel("comment_policy_page"),
        PageChooserPanel("privacy_page"),
        FieldPanel("social_links"),
        MultiFieldPanel([FieldPanel("data_licence_name"), FieldPanel("data_licence_url")], heading=_("Open data")),
    ]

    class Meta:
        verbose_name = _("site settings")


class Ordered(Orderable):
    """Wagtail's Orderable, with rows of equal sort order in the order they were made.

    The admin's inline panels number every row; rows made in code may have none, and with
    `sort_order` alone their order was the database's: PostgreSQL gave a material's language
    versions back in another order than SQLite (and than the list they were made from).
    """

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


class PageLink(TranslatableMixin, Ordered):
    """A link to a page in a navigation snippet; the page is shown in the active language."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=100, blank=True, help_text=_("Leave empty to use the page title.")
    )

    panels = [PageChooserPanel("page"), FieldPanel("title")]

    override_translatable_fields = [SynchronizedField("page")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = Ordered.Meta.ordering


class MenuItem(PageLink):
    menu = ParentalKey("cms.MainMenu", related_name="items", on_delete=models.CASCADE)


class NavigationSnippet(TranslatableMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """Navigation is kept per locale and read for the active one (`for_locale`)."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @classmethod
    def for_locale(cls, locale=None):
        locale = locale or Locale.get_active()
        queryset = cls.objects.filter(live=True)
        return queryset.filter(locale=locale).first() or queryset.filter(
            locale=Locale.get_default()
        ).first()


class MainMenu(NavigationSnippet):
    name = models.CharField(_("name"), max_length=100, default="Main menu")

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Menu items"))]

    class Meta(NavigationSnippet.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return f"{self.name} ({self.locale})"


class FooterLink(PageLink):
    footer = ParentalKey("cms.Footer", related_name="links", on_delete=models.CASCADE)


class Footer(NavigationSnippet):
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("description"),
        InlinePanel("links", label=_("Links")),
    ]

    class Meta(NavigationSnippet.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self.organisation_name} ({self.locale})"
