"""`LatestPostsBlock`: the newest blog posts or news of the active language, for any page."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from cms.visibility import kept_for_the_public, visible_pages

from .models import BlogPage, BlogPageAuthor


class LatestPostsStructValue(blocks.StructValue):
    def posts(self):
        """The newest posts (kept until what the public sees changes)."""
        locale = Locale.get_active()
        key = f"{locale.pk}:{self.get('kind')}:{self.get('count')}"
        return kept_for_the_public("latest-posts", key, lambda: self._read_posts(locale))

    def _read_posts(self, locale):
        posts = (
            visible_pages(BlogPage.objects.filter(locale=locale))
            .defer_streamfields()
            .select_related("cover_image")
            .prefetch_related(
                "cover_image__renditions", Prefetch("authors", BlogPageAuthor.objects.select_related("person"))
            )
            .order_by("-date", "-pk")
        )
        if self.get("kind"):
            posts = posts.filter(kind=self.get("kind"))
        return list(posts[: self.get("count") or 3])


class LatestPostsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("Show"),
        choices=[("", _("Blog posts and news")), ("blog", _("Blog posts")), ("news", _("News"))],
        required=False,
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Latest posts")
        template = "blog/blocks/latest_posts_block.html"
        value_class = LatestPostsStructValue
        description = _("The newest blog posts or news, with links to read more.")
        preview_value = {"heading": "Ajankohtaista", "kind": "", "count": 3}
