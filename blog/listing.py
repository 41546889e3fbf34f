"""The blog index's facets: kind, tag and author, one value each (a select)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.images import get_image_model

from cms.facets import Facet, FacetedListing

from .models import CARD_IMAGE_FILTERS, POSTS_PER_PAGE, BlogPage, BlogPageAuthor, Person


def tags_in_use(listing):
    posts = listing.queryset.order_by().values("pk")
    return Tag.objects.filter(blog_blogpagetag_items__content_object__in=posts).distinct().order_by("name").values_list(
        "slug", "name"
    )


def authors(listing):
    posts = listing.queryset.order_by().values("pk")
    people = Person.objects.filter(pk__in=BlogPageAuthor.objects.filter(page__in=posts).values("person_id"))
    return people.order_by("name").values_list("pk", "name")


class BlogListing(FacetedListing):
    per_page = POSTS_PER_PAGE

    kind = Facet("kind", label=_("Kind"), choices=BlogPage.KIND_CHOICES, multiple=False)
    tag = Facet("tagged_items__tag__slug", label=_("Tag"), choices=tags_in_use, multiple=False)
    author = Facet("authors__person_id", label=_("Author"), choices=authors, multiple=False)

    def results(self):
        return (
            self.filtered()
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related(
                Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(*CARD_IMAGE_FILTERS)),
                Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")),
            )
        )
