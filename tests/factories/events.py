"""Factories for events: the index and event pages, times relative to now unless given."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from trainings.models import EventIndexPage, EventPage


def in_days(days, hour=9):
    """An aware moment `days` from today at `hour` o'clock Finnish time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tapahtumat"
    slug = "tapahtumat"
    lead = factory.Faker("sentence", locale="fi_FI")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    lead = factory.Faker("sentence", locale="fi_FI")
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    organiser = "Kotoutumisen osaamiskeskus"
    venue = "Kokoustila Aurora"
    street_address = "Esimerkkikatu 1"
    postal_code = "00100"
    locality = "Helsinki"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            # A draft stays a draft: publishing it would make it public.
            if self.live:
                self.save_revision().publish()
            else:
                self.save()
