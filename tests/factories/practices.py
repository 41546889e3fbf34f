"""Factories for the practices app: taxonomies, the three page types and valid section streams."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from practices.blocks import REQUIRED_SECTIONS
from practices.models import PracticeCallPage, PracticeIndexPage, PracticeModelPage, TargetGroup, Theme


def sections_data(names=None, text="<p>Kuvaus.</p>"):
    """Raw StreamField data with one block per named section (default: the required ones)."""
    return [{"type": name, "value": text} for name in (names if names is not None else REQUIRED_SECTIONS)]


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.Sequence(lambda n: f"teema-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class TargetGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kohderyhmä {n}")
    slug = factory.Sequence(lambda n: f"kohderyhma-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TargetGroup


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hyvät käytännöt"
    slug = "hyvat-kaytannot"
    intro = factory.Faker("sentence", locale="fi_FI")

    class Meta:
        model = PracticeIndexPage


class PracticeModelPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    # Unique, as in the other page factories: a slug from a random two-word title can repeat.
    slug = factory.Sequence(lambda n: f"kaytanto-{n}")
    short_description = factory.Faker("paragraph", locale="fi_FI")
    organisations = factory.Faker("company", locale="fi_FI")
    sections = factory.LazyFunction(sections_data)

    class Meta:
        model = PracticeModelPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)
            self.save()


class PracticeCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"haku-{n}")
    sought = "<p>Etsimme mentorointimalleja.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))

    class Meta:
        model = PracticeCallPage
