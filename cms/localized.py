"""Translatable objects read in the active language, many at once.

Pages and snippets point at source-language (Finnish) snippets; templates show each
one's translation for the active language. `obj.localized` costs a query per object,
this one query per call.
"""

from wagtail.models import Locale


def localized_objects(objects, locale=None):
    """Each object's translation in `locale` (default: the active one), or the object itself."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    locale = locale or Locale.get_active()
    if all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in={obj.translation_key for obj in objects}, locale=locale)
    }
    return [obj if obj.locale_id == locale.pk else translations.get(obj.translation_key, obj) for obj in objects]
