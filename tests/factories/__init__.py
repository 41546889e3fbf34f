"""Factories for the core page types and helpers; each app has its module beside this one."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("password")

    class Meta:
        model = get_user_model()


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    hero_heading = factory.Faker("sentence", nb_words=4, locale="fi_FI")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    lead = factory.Faker("paragraph", locale="fi_FI")

    class Meta:
        model = StandardPage


def translate_page(page, language, fields, publish=True, user=None):
    """Translate a page through wagtail-localize, giving new text for some fields by name.

    Strings not named in `fields` keep the source text. Needs on-commit callbacks to run
    (`django_capture_on_commit_callbacks(execute=True)`) for the translation to go live.
    """
    locale = Locale.objects.get(language_code=language)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = source.translations.get_or_create(target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("context", "string"):
        if segment.context.path in fields:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": fields[segment.context.path]},
            )
    translation.save_target(user=user, publish=publish)
    return page.get_translation(locale)
