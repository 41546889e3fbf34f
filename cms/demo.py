"""The toolkit that `load_demo_content` and each app's `demo.py` build the demo site with.

Demo text is written once per language with `T(fi=…, sv=…, en=…)`. Finnish pages and
snippets are created first; their Swedish and English versions are then made through
wagtail-localize itself (translation source, string translations, `save_target`), so
the demo site's translations look to translators exactly like ones they made in the
editor: synced, with every string recorded and out-of-date markers working.

Every function here is idempotent: objects are looked up by a stable key (slug under
a parent, or a natural key) and left alone when they exist.
"""

import uuid
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.synctree import create_aliases_for_new_page

TARGET_LANGUAGES = ("sv", "en")
DEMO_NAMESPACE = uuid.UUID("6f1c1a52-6a3e-4d55-9f0a-2c1de8b0c0de")


@dataclass(frozen=True)
class T:
    """One text in the three site languages."""

    fi: str
    sv: str
    en: str

    def __getitem__(self, language):
        return getattr(self, language)


def resolve(spec, language):
    """Replace every `T` in a nested spec (dicts, lists, tuples) with its text in `language`."""
    if isinstance(spec, T):
        return spec[language]
    if isinstance(spec, dict):
        return {key: resolve(value, language) for key, value in spec.items()}
    if isinstance(spec, list):
        return [resolve(value, language) for value in spec]
    if isinstance(spec, tuple):
        return tuple(resolve(value, language) for value in spec)
    return spec


def stream(key, blocks):
    """Raw StreamField data from (type, value) pairs, with block ids stable across runs and languages."""
    return [
        {"type": block_type, "value": value, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}:{index}"))}
        for index, (block_type, value) in enumerate(blocks)
    ]


class Progress:
    """Prints what the command does, one line per object, so a long run shows where it is."""

    def __init__(self, write):
        self.write = write
        self.created = 0
        self.existing = 0

    def __call__(self, obj, created):
        if created:
            self.created += 1
        else:
            self.existing += 1
        self.write(f"  {'created ' if created else 'exists  '} {obj._meta.verbose_name}: {obj}")


@dataclass
class DemoContext:
    """What the apps' demo loaders share: the root home page, the user, progress output."""

    home: Page
    user: object
    progress: Progress
    objects: dict

    def __getitem__(self, key):
        return self.objects[key]

    def __setitem__(self, key, value):
        self.objects[key] = value


def add_page(ctx, parent, model, spec, *, translate=True, publish=True):
    """Create a Finnish page from `spec` under `parent` unless its slug exists, then translate it.

    `spec` holds the page's fields, with `T` for language-dependent values; it must
    include `slug`. Returns the Finnish page.
    """
    fi_fields = resolve(spec, "fi")
    existing = parent.get_children().filter(slug=fi_fields["slug"]).first()
    if existing is not None:
        ctx.progress(existing, False)
        return existing.specific
    page = model(**fi_fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=ctx.user, log_action=True)
    if publish:
        revision.publish(user=ctx.user)
        page.refresh_from_db()
    # What the admin does after creating a page: mirror it into the synced locales.
    create_aliases_for_new_page(page)
    ctx.progress(page, True)
    if translate:
        for language in TARGET_LANGUAGES:
            translate_object(page, language, model(**resolve(spec, language)), user=ctx.user, publish=publish)
    return page


def add_snippet(ctx, model, lookup, spec, *, children=None, translate=True):
    """Create a Finnish snippet unless `lookup` finds it, then translate it through wagtail-localize.

    `children` maps a child relation name to a list of child specs (for inline items).
    """
    fi_locale = Locale.get_default()
    existing = model.objects.filter(locale=fi_locale, **lookup).first()
    if existing is not None:
        ctx.progress(existing, False)
        return existing

    def build(language):
        obj = model(**resolve(spec, language))
        for relation, child_specs in (children or {}).items():
            child_model = model._meta.get_field(relation).related_model
            setattr(obj, relation, [child_model(**resolve(child, language)) for child in child_specs])
        return obj

    obj = build("fi")
    obj.locale = fi_locale
    obj.save()
    if hasattr(obj, "save_revision"):
        revision = obj.save_revision(user=ctx.user)
        if hasattr(obj, "live"):
            revision.publish(user=ctx.user)
    ctx.progress(obj, True)
    if translate:
        for language in TARGET_LANGUAGES:
            translate_object(obj, language, build(language), user=ctx.user)
    return obj


def translate_object(source_instance, language, translated_instance, *, user=None, publish=True):
    """Translate `source_instance` into `language` the way a translator would in wagtail-localize.

    `translated_instance` is an unsaved object of the same model and structure carrying
    the target-language values. Its string segments are matched to the source's in
    order, stored as manual string translations, and the translation is saved and
    published with `save_target`.
    """
    locale = Locale.objects.get(language_code=language)
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    source_segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    )
    target_texts = [
        segment.string.data
        for segment in extract_segments(translated_instance)
        if isinstance(segment, StringSegmentValue)
    ]
    if len(source_segments) != len(target_texts):
        raise ValueError(
            f"{source_instance!r} has {len(source_segments)} strings but its {language} "
            f"version has {len(target_texts)}: the demo texts must have the same structure."
        )
    for segment, text in zip(source_segments, target_texts, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    with transaction.atomic():
        translation.save_target(user=user, publish=publish)
    return source_instance.get_translation(locale)
