"""Blog posts and news, their authors, and the pages that list them.

Comments are django-comments-xtd comments attached to a `BlogPage` (the specific page,
never the base `Page`, or the moderator would not apply). Every comment from the public
is held until a moderator approves it: see `blog/moderation.py` and `blog/comments.py`.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock
from cms.localized import localized_objects
from cms.models import BasePage, Ordered
from cms.visibility import visible_pages

POSTS_PER_PAGE = 10
CARD_IMAGE_FILTERS = ("fill-480x270", "fill-960x540")  # includes/card_image.html


class Person(TranslatableMixin, models.Model):
    """A writer of blog posts or a contact person for news.

    The name and photo are the same in every language; the role and organisation are
    translated. Pages keep pointing at the Finnish original and show `person.localized`.
    """

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("title or role"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Shown only when the person is a contact person."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("email"), FieldPanel("photo")]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("email"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BlogIndexPage(RoutablePageMixin, BasePage):
    """Lists the posts below it, newest first, with filters, pagination and feeds."""

    lead = models.TextField(_("lead"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("lead")]
    search_fields = BasePage.search_fields + [index.SearchField("lead")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]

    class Meta:
        verbose_name = _("blog index page")

    def live_posts(self):
        """The live posts of this index (and so of its locale), newest first."""
        return (
            visible_pages(BlogPage.objects.child_of(self))
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from .listing import BlogListing

        context = super().get_context(request, *args, **kwargs)
        listing = BlogListing(request.GET, self.live_posts(), request.GET.get("page"), source=self.pk)
        context.update({"listing": listing, "page_obj": listing.page_obj, "posts": list(listing.page_obj.object_list)})
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import feed_response

        return feed_response(self, request, "rss")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import feed_response

        return feed_response(self, request, "atom")


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE)


class BlogPageAuthor(Ordered):
    """An author of a post. Not translatable: every language version names the same people."""

    page = ParentalKey("blog.BlogPage", related_name="authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="authorships"
    )

    panels = [FieldPanel("person")]

    class Meta(Ordered.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class BlogPage(RoutablePageMixin, BasePage):
    """A blog post or a news item, with moderated comments."""

    KIND_BLOG = "blog"
    KIND_NEWS = "news"
    KIND_CHOICES = [(KIND_BLOG, _("Blog post")), (KIND_NEWS, _("News"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default=KIND_BLOG)
    date = models.DateField(_("publication date"), default=datetime.date.today)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(
        _("cover image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty only if it is decorative."),
    )
    lead = models.TextField(_("lead"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True, verbose_name=_("tags"))
    contact_person = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on news items."),
    )
    comments_enabled = models.BooleanField(
        _("comments allowed"),
        default=True,
        help_text=_("Comments also close automatically a set number of days after the publication date."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), InlinePanel("authors", label=_("Authors"))],
            heading=_("Post"),
        ),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Cover image")),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("contact_person"),
        FieldPanel("comments_enabled"),
    ]
    @classmethod
    def served_with(cls):
        # The authors as `author_people` reads them, kept apart from a draft's (preview) authors.
        authors = BlogPageAuthor.objects.select_related("person__photo")
        return (Prefetch("authors", queryset=authors, to_attr="served_authors"), "tags")

    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.2)]),
        index.RelatedFields(
            "authors",
            [index.RelatedFields("person", [index.SearchField("name"), index.SearchField("organisation")])],
        ),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("cover_image"),
        SynchronizedField("contact_person"),
        SynchronizedField("comments_enabled"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def get_absolute_url(self):
        """django-comments links back to the commented object with this."""
        return self.url

    @property
    def is_news(self):
        return self.kind == self.KIND_NEWS

    @cached_property
    def author_people(self):
        """The authors in the active language, read in one query (two outside Finnish)."""
        authors = getattr(self, "served_authors", None)  # read with the page when routed (`served_with`)
        if authors is None:
            authors = self.authors.all()
            if self.pk:
                authors = authors.select_related("person")
        return localized_objects([author.person for author in authors])

    @property
    def comments_close_on(self):
        """The last day comments are accepted."""
        days = settings.BLOG_COMMENTS_CLOSE_AFTER_DAYS
        return self.date + datetime.timedelta(days=days) if days else None

    def comments_open(self):
        if not self.comments_enabled or not self.pk:
            return False
        close_on = self.comments_close_on
        return close_on is None or timezone.localdate() <= close_on

    def get_context(self, request, *args, **kwargs):
        from .comments import comment_context

        context = super().get_context(request, *args, **kwargs)
        context.update(comment_context(self, request, form=kwargs.get("comment_form")))
        return context

    def serve(self, request, view=None, args=None, kwargs=None):
        response = super().serve(request, view=view, args=args, kwargs=kwargs)
        if isinstance(response, HttpResponse) and self.comments_open():
            # The form carries a signed timestamp that expires and a CSRF token:
            # no shared cache may hand one visitor's form to another, or an old one.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @path("")
    def index(self, request):
        return self.render(request)

    @path("comment/", name="comment")
    def post_comment(self, request):
        from .comments import post_comment_view

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return post_comment_view(self, request)

    @path("comment/posted/", name="comment_posted")
    def comment_posted(self, request):
        return self.render(
            request,
            template="django_comments_xtd/posted.html",
            context_overrides={"target": self},
        )

