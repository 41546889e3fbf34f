"""Factories for the material registry: series, themes, material pages and their language versions."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale

from materials.models import (
    MaterialIndexPage,
    MaterialPage,
    MaterialSeries,
    MaterialTheme,
    MaterialType,
    MaterialVersion,
)


class MaterialThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word", locale="fi_FI")
    slug = factory.Sequence(lambda n: f"teema-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = MaterialTheme


class MaterialSeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("sentence", nb_words=2, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"sarja-{n}")
    description = factory.Faker("sentence", locale="fi_FI")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = MaterialSeries


class MaterialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Materiaalit"
    slug = factory.Sequence(lambda n: f"materiaalit-{n}")
    lead = factory.Faker("sentence", locale="fi_FI")

    class Meta:
        model = MaterialIndexPage


class MaterialPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    slug = factory.Sequence(lambda n: f"materiaali-{n}")
    description = factory.LazyFunction(lambda: "<p>Materiaalin kuvaus.</p>")
    material_type = MaterialType.VIDEO
    producer = factory.Faker("company", locale="fi_FI")
    source_project = "Kotona Suomessa"
    year = factory.Faker("random_int", min=2015, max=2020)

    # Versions and themes go into the constructor, so the page is saved once with them.
    versions = factory.LazyAttribute(lambda page: [version_for(language) for language in page.languages])
    themes = factory.LazyFunction(list)

    class Params:
        languages = ("fi",)

    class Meta:
        model = MaterialPage


def version_for(language, **fields):
    """An unsaved language version, for `MaterialPage(versions=[...])`."""
    return MaterialVersion(
        language=language,
        video_url=fields.pop("video_url", f"https://www.youtube.com/watch?v={language:x<11}"),
        duration=fields.pop("duration", datetime.timedelta(minutes=5)),
        **fields,
    )


class MaterialVersionFactory(factory.django.DjangoModelFactory):
    material = factory.SubFactory(MaterialPageFactory)
    language = "fi"
    video_url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=demo{n:07d}")
    transcript = factory.Faker("paragraph", locale="fi_FI")
    duration = factory.LazyAttribute(lambda version: datetime.timedelta(seconds=version.seconds))

    class Params:
        seconds = factory.Faker("random_int", min=60, max=600)

    class Meta:
        model = MaterialVersion


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    file = factory.LazyAttribute(lambda doc: ContentFile(doc.content, name=doc.filename))
    file_size = factory.LazyAttribute(lambda doc: len(doc.content))  # the admin's upload form sets it

    class Params:
        filename = "aineisto.pdf"
        content = b"%PDF-1.4\n%%EOF\n"

    class Meta:
        model = Document


def webvtt_document(**kwargs):
    kwargs.setdefault("filename", "tekstitys.vtt")
    kwargs.setdefault("content", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHei.\n")
    return DocumentFactory(**kwargs)
