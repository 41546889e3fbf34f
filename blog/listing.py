"""The blog index's facets: kind, tag and author, one value each (a select)."""

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from cms.facets import Facet, FacetedListing, OpenFacet

from .models import CARD_IMAGE_FILTERS, POSTS_PER_PAGE, BlogPage, BlogPageAuthor


class BlogListing(FacetedListing):
    per_page = POSTS_PER_PAGE

    kind = Facet("kind", label=_("Kind"), choices=BlogPage.KIND_CHOICES, multiple=False)
    tag = OpenFacet(
        "tagged_items__tag__slug",
        label=_("Tag"),
        label_field="tagged_items__tag__name",
        form_field=forms.SlugField(required=False, max_length=100, allow_unicode=True),
    )
    author = OpenFacet(
        "authors__person_id",
        label=_("Author"),
        label_field="authors__person__name",
        form_field=forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1),
    )

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
