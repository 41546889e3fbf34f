"""Factories for the blog: people, the index and posts."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="fi_FI")
    role = factory.Faker("job", locale="fi_FI")
    organisation = factory.Faker("company", locale="fi_FI")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"blogi-{n}")
    lead = factory.Faker("sentence", locale="fi_FI")

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"kirjoitus-{n}")
    lead = factory.Faker("paragraph", locale="fi_FI")
    kind = BlogPage.KIND_BLOG
    # Recent enough that comments are open (they close after BLOG_COMMENTS_CLOSE_AFTER_DAYS).
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))

    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        if not create or not people:
            return
        for person in people:
            BlogPageAuthor.objects.create(page=self, person=person)
