"""Factories for the project overview and pilot report pages."""

import datetime

import factory
import wagtail_factories

from cms.vocabulary import Region
from home.choices import CallRound, PilotTheme
from home.models import PilotReportPage, ProjectPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"hanke-{n}")
    summary = factory.Faker("paragraph", locale="fi_FI")
    start_date = factory.Faker("date_between_dates", date_start=datetime.date(2015, 1, 1), date_end=datetime.date(2016, 12, 31))
    end_date = factory.Faker("date_between_dates", date_start=datetime.date(2019, 1, 1), date_end=datetime.date(2020, 12, 31))
    funder = "Euroopan sosiaalirahasto"
    coordinator = factory.Faker("company", locale="fi_FI")

    class Meta:
        model = ProjectPage


class PilotReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"pilotti-{n}")
    organisations = factory.Faker("company", locale="fi_FI")
    municipality = factory.Faker("city", locale="fi_FI")
    region = factory.Faker("random_element", elements=Region.values)
    call_round = factory.Faker("random_element", elements=CallRound.values)
    theme = factory.Faker("random_element", elements=PilotTheme.values)
    summary = factory.Faker("paragraph", locale="fi_FI")
    findings = factory.LazyFunction(lambda: "<p>Havainnot.</p>")

    class Meta:
        model = PilotReportPage


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    file = factory.django.FileField(filename="raportti.pdf", data=b"%PDF-1.4\n%%EOF\n")
