"""The blog index's filters: kind, tag and author, combined with AND, each option with its count.

Filters come from GET parameters so a filtered list can be shared. A malformed or unknown
value (`kind=zzz`, `author=abc`) is not applied, never an error.
"""

from django import forms
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import BlogPage, BlogPageAuthor, Person


class BlogFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BlogPage.KIND_CHOICES, required=False)
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100, allow_unicode=True)
    author = forms.IntegerField(label=_("Author"), required=False, min_value=1, max_value=2**31 - 1)


class BlogFilters:
    """Applies the valid filters to `posts` and counts the options of each filter.

    An option's count is the number of posts it would show together with the other
    filters that are active (the usual faceted search behaviour).
    """

    names = ("kind", "tag", "author")

    def __init__(self, data, posts):
        self.posts = posts
        form = BlogFilterForm(data)
        form.is_valid()
        # Only fields that validated are applied; the others are ignored.
        self.active = {
            name: form.cleaned_data[name] for name in self.names if form.cleaned_data.get(name) not in (None, "")
        }

    def apply(self, queryset, exclude=None):
        for name, value in self.active.items():
            if name == exclude:
                continue
            if name == "kind":
                queryset = queryset.filter(kind=value)
            elif name == "tag":
                queryset = queryset.filter(tagged_items__tag__slug=value)
            elif name == "author":
                queryset = queryset.filter(authors__person_id=value)
        return queryset.distinct() if exclude is None and {"tag", "author"} & self.active.keys() else queryset

    def queryset(self):
        return self.apply(self.posts)

    def _pks(self, exclude):
        return self.apply(self.posts, exclude=exclude).order_by().values("pk")

    @cached_property
    def kind_options(self):
        counts = dict(
            self.apply(self.posts, exclude="kind")
            .order_by()
            .values_list("kind")
            .annotate(count=Count("pk", distinct=True))
        )
        return [
            {"value": value, "label": label, "count": counts.get(value, 0), "selected": self.active.get("kind") == value}
            for value, label in BlogPage.KIND_CHOICES
        ]

    @cached_property
    def tag_options(self):
        tags = (
            Tag.objects.filter(blog_blogpagetag_items__content_object__in=self._pks("tag"))
            .annotate(count=Count("blog_blogpagetag_items__content_object", distinct=True))
            .order_by("name")
        )
        return [
            {"value": tag.slug, "label": tag.name, "count": tag.count, "selected": self.active.get("tag") == tag.slug}
            for tag in tags
        ]

    @cached_property
    def author_options(self):
        counts = dict(
            BlogPageAuthor.objects.filter(page__in=self._pks("author"))
            .order_by()
            .values_list("person_id")
            .annotate(count=Count("page_id", distinct=True))
        )
        people = Person.objects.filter(pk__in=counts).order_by("name")
        return [
            {
                "value": str(person.pk),
                "label": person.name,
                "count": counts[person.pk],
                "selected": self.active.get("author") == person.pk,
            }
            for person in people
        ]

    @property
    def is_active(self):
        return bool(self.active)
