"""Workaround: wagtail-localize syncs page trees even when a LocaleSynchronization is loaded raw.

wagtail-localize 1.14.5 connects `sync_trees_on_locale_sync_save` to `post_save` of
`LocaleSynchronization` without looking at `raw`
(https://github.com/wagtail/wagtail-localize/blob/v1.14.5/wagtail_localize/models.py).
When rows are loaded as they are (`loaddata`, or the test runner restoring the migrated
data with `serialized_rollback`), the receiver runs before the locales it points at are
loaded (apps are restored in INSTALLED_APPS order, wagtail_localize before wagtail) and
fails with `Locale.DoesNotExist`. Loaded rows describe trees that are already in sync.

`install()` swaps the receiver for one that skips raw saves. It can go when upstream's
receiver returns early for `raw=True`.
"""

from django.db.models.signals import post_save


def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    from wagtail_localize.models import sync_trees_on_locale_sync_save

    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


def install():
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="sync-trees-unless-raw")
