"""What translators have to update: translations whose source changed, and syncing them.

wagtail-localize keeps a frozen copy of each source (`TranslationSource`) and only
refreshes it when someone presses "Sync translated pages" on the source page, which
translators cannot reach (the Finnish tree is not theirs). This module finds, for the
languages a user may translate into, every translated page and snippet that is behind
its source, says what changed, and syncs one translation at a time with the same calls
wagtail-localize's own update view makes (`TranslationSource.update_from_db`, machine
translation of the strings that have none yet).

A translation is listed when
- its source changed since the last sync (new or changed strings, synchronised fields), or
- the source was synced after this language's version was last saved from it, or
- strings of the current source still lack a translation in this language.
"""

import json
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    get_edit_url,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views.edit_translation import apply_machine_translation

SHOWN_STRINGS = 5


def translatable_locales(user):
    """The languages `user` may translate into: those whose home page they may edit (all, for superusers)."""
    others = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    if user.is_superuser:
        return list(others)
    return [
        locale
        for locale in others
        for home in Page.objects.filter(depth=2, locale=locale)[:1]
        if home.permissions_for_user(user).can_edit()
    ]


def user_may_sync(user, translation, target, locales=None):
    """Pages: the user may edit the translated page. Snippets: they may change the type and translate the language.

    `locales`: the user's `translatable_locales`, when the caller has them already.
    """
    if translation.target_locale_id not in {locale.pk for locale in (locales or translatable_locales(user))}:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    opts = target._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def user_may_see_updates(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin") and bool(translatable_locales(user))


@dataclass
class SourceChanges:
    """What changed in a source object since its translation source was last synced."""

    new_strings: list = field(default_factory=list)
    removed_strings: int = 0
    synchronised_fields: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.new_strings or self.removed_strings or self.synchronised_fields)


def serialized(instance):
    """The instance as wagtail-localize stores it in `TranslationSource.content_json`."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), default=str))


def source_changes(source):
    """Compare the source object as it is now with the copy the translations were last synced from."""
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist:
        return SourceChanges()
    segments = extract_segments(instance)
    current = [(s.path, s.string.data) for s in segments if isinstance(s, StringSegmentValue)]
    stored = set(StringSegment.objects.filter(source=source).values_list("context__path", "string__data"))
    changes = SourceChanges(
        new_strings=[text for path, text in current if (path, text) not in stored],
        removed_strings=len(stored - set(current)),
    )
    overridable_now = {s.path: s.data for s in segments if isinstance(s, OverridableSegmentValue)}
    overridable_then = {
        segment.context.path: segment.data
        for segment in OverridableSegment.objects.filter(source=source).select_related("context")
    }
    then, now = json.loads(source.content_json), serialized(instance)
    synchronised = [
        translatable.field_name
        for translatable in get_translatable_fields(type(instance))
        if isinstance(translatable, SynchronizedField) and then.get(translatable.field_name) != now.get(translatable.field_name)
    ]
    synchronised += [path for path in overridable_now if overridable_now[path] != overridable_then.get(path)]
    changes.synchronised_fields = [field_label(instance, name) for name in dict.fromkeys(synchronised)]
    return changes


def field_label(instance, path):
    name = path.split(".")[0]
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a path inside a StreamField, not a model field
        return name


def page_publication_times(translations):
    """{(translation key, locale id): last published} of the source pages, in one query."""
    keys = {t.source.object_id for t in translations if issubclass(t.source.specific_content_type.model_class(), Page)}
    return {
        (key, locale): published
        for key, locale, published in Page.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id", "last_published_at"
        )
    }


def may_have_changed(source, published):
    """A cheap first test: a page not published since the sync has not changed (snippets are compared)."""
    if not issubclass(source.specific_content_type.model_class(), Page):
        return True
    last_published = published.get((source.object_id, source.locale_id))
    return bool(last_published and last_published > source.last_updated_at)


@dataclass
class PendingUpdate:
    translation: Translation
    target: object
    changes: SourceChanges
    missing: int
    behind_sync: bool
    may_sync: bool

    @property
    def source(self):
        return self.translation.source

    @property
    def locale(self):
        return self.translation.target_locale

    @property
    def shown_strings(self):
        return [Truncator(text).chars(600) for text in self.changes.new_strings[:SHOWN_STRINGS]]

    @property
    def more_strings(self):
        return max(0, len(self.changes.new_strings) - SHOWN_STRINGS)

    @property
    def kind(self):
        return self.target._meta.verbose_name

    @property
    def edit_url(self):
        """The translation editor of the translated page or snippet."""
        return get_edit_url(self.target)


def annotated_translations(locales):
    """Enabled translations into `locales`, with their missing-string count and last save from the source."""
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    missing = untranslated.order_by().values("source_id").annotate(count=Count("pk")).values("count")
    last_saved = TranslationLog.objects.filter(source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id"))
    return (
        Translation.objects.filter(enabled=True, target_locale__in=locales)
        .exclude(source__locale=F("target_locale"))
        .select_related("source", "source__specific_content_type", "source__locale", "target_locale")
        .annotate(
            missing=Coalesce(Subquery(missing[:1]), 0),
            last_saved_at=Subquery(last_saved.order_by("-created_at").values("created_at")[:1]),
        )
        .order_by("target_locale__language_code", "source__object_repr")
    )


def pending_updates(user, locales=None):
    """Every translation into the user's languages (or `locales` among them) that needs the translator."""
    allowed = translatable_locales(user)
    if locales is not None:
        allowed = [locale for locale in allowed if locale in locales]
    if not allowed:
        return []
    translations = list(annotated_translations(allowed))
    published = page_publication_times(translations)
    changes_by_source = {}
    updates = []
    for translation in translations:
        source = translation.source
        if source.pk not in changes_by_source:
            changes_by_source[source.pk] = source_changes(source) if may_have_changed(source, published) else SourceChanges()
        changes = changes_by_source[source.pk]
        behind = translation.last_saved_at is None or translation.last_saved_at < source.last_updated_at
        if not (changes or behind or translation.missing):
            continue
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # the translated object was deleted: nothing to update
            continue
        updates.append(
            PendingUpdate(
                translation=translation,
                target=target,
                changes=changes,
                missing=translation.missing,
                behind_sync=behind,
                may_sync=user_may_sync(user, translation, target, allowed),
            )
        )
    return updates


def summary(updates, locales):
    """Per language: how many pages and snippets wait, and how many strings lack a translation."""
    rows = {locale.pk: {"locale": locale, "items": 0, "missing": 0, "changed": 0} for locale in locales}
    for update in updates:
        row = rows[update.locale.pk]
        row["items"] += 1
        row["missing"] += update.missing
        row["changed"] += bool(update.changes)
    return list(rows.values())


def sync_translation(translation, user, *, machine_translate=False):
    """Bring one translation up to date with its source, as wagtail-localize's update view does.

    The source copy is refreshed from the source object (for every language: the copy is
    shared), strings that did not change keep their translations, and with
    `machine_translate` the machine translator fills only the strings without one. The
    translated page or snippet itself is saved when the translator publishes it in the
    translation editor.
    """
    source = translation.source
    if source_changes(source):
        source.update_from_db()
    translator = get_machine_translator()
    if machine_translate and translator is not None and translator.can_translate(source.locale, translation.target_locale):
        apply_machine_translation(translation.pk, user, translator)
    source.update_target_view_restrictions(translation.target_locale)

