"""Works around wagtail-localize writing translation drafts into live pages (wagtail-localize 1.14.5).

Upstream behaviour: `TranslationSource.create_or_update_translation(publish=False)` (behind
`Translation.save_target(publish=False)`, and behind "Translate this page" when
`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE` is off) puts the translated strings into the
target page and saves the page row before it makes the draft revision. So:

- on a live alias (an untranslated Swedish or English page that mirrors the Finnish one)
  it converts the alias into a page whose live row holds the draft: visitors see the
  unpublished Swedish title and text at /sv/…, in listings, search, feeds and the sitemap;
- on a live translation, the live row takes the draft's title, slug and text.

Wagtail itself keeps a draft in a revision only. Here, when the target page is live:

- a live alias stays an alias, mirroring its source, until the translator publishes.
  The draft is the translation's strings, which wagtail-localize keeps and its editor
  shows; the editor opens for such an alias (`edit_translation_of_alias`), and its
  Publish button converts and publishes the page as usual;
- a live translation gets the draft as a new revision (`save_revision` touches only the
  row's draft bookkeeping), and its live content stays.

Pages that are not live, and new translations (created as drafts), are left to
wagtail-localize: nothing public changes there.

Upstream: https://github.com/wagtail/wagtail-localize/issues/463 ("Don't change the page
state until the translated page is published": an alias should remain an alias until
then) and https://github.com/wagtail/wagtail-localize/issues/655 (draft translations of
live pages). The code is `create_or_update_translation` in wagtail_localize/models.py.
Remove this module when a wagtail-localize release saves a page draft as a revision only
and leaves aliases alone until publishing: `test_upstream_still_writes_drafts_into_live_pages` in
tests/visibility/test_translation_drafts.py fails then.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog, TranslationSource
from wagtail_localize.views.edit_translation import edit_translation

_upstream_create_or_update_translation = TranslationSource.create_or_update_translation


def _live_target_page(source, locale):
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    return target if isinstance(target, Page) and target.live else None


def create_or_update_translation(self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False):
    target = None if publish else _live_target_page(self, locale)
    if target is None:
        return _upstream_create_or_update_translation(
            self, locale, user=user, publish=publish, copy_parent_pages=copy_parent_pages, fallback=fallback
        )
    if target.alias_of_id:
        return target, False
    draft = self.get_ephemeral_translated_instance(locale, fallback=fallback)
    revision = draft.save_revision(user=user, clean=False)
    TranslationLog.objects.create(source=self, locale=locale, revision=revision)
    return draft, False


def edit_translation_of_alias(request, page):
    """An alias whose translation is in progress opens in the translation editor, not as an alias."""
    if not page.alias_of_id:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    return edit_translation(request, translation, page)


def install():
    if TranslationSource.create_or_update_translation is create_or_update_translation:
        return
    TranslationSource.create_or_update_translation = create_or_update_translation
    # Before wagtail-localize's own hook, which shows an alias as "not translated yet".
    hooks.register("before_edit_page", edit_translation_of_alias, order=-1)
