"""Workaround: Wagtail 8.0 writes a rendition back to the cache every time it reads it from there.

`AbstractImage.get_rendition` (the `{% image %}` tag's path) sets the rendition's cache entry
after every look-up, found in the cache or not, and `find_existing_renditions` does not mark
the renditions it read from the cache: each image on a page cost a cache read *and* a write
(a Redis round trip each) on every request. `get_renditions` (the `{% srcset_image %}` tag's
path) skips renditions marked as read from the cache, but the copies it writes carry no mark,
so read back they are written again: a `set_many` per image with a srcset on every request.
Here both write only a rendition that did not come from the cache, and mark the copy they
write, so that the copy read back is known as such (the mark is an attribute of the instance:
it is pickled with it). Otherwise the same as upstream's methods.

Upstream: https://github.com/wagtail/wagtail/pull/14541 (merged as c1c39fe, 2026-08-26, with
the mark set on renditions read from the cache, which mends `get_renditions` too).
Remove when the Wagtail release in requirements.txt contains that commit.
"""

from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import AbstractImage, Filter


def get_rendition(self, filter):
    Rendition = self.get_rendition_model()  # noqa: N806 - as upstream
    if isinstance(filter, str):
        filter = Filter(spec=filter)
    elif not isinstance(filter, Filter):
        raise InvalidFilterSpecError("Unrecognised filter format - string or Filter instance expected")
    filter = self.clean_filter_for_svg(filter)
    try:
        rendition = self.find_existing_rendition(filter)
    except Rendition.DoesNotExist:
        rendition = self.create_rendition(filter)
        # Reuse this rendition if requested again from this object
        self._add_to_prefetched_renditions(rendition)
    if not getattr(rendition, "_from_cache", False):
        rendition._from_cache = True  # so marked in the cached copy: read back, it is not written again
        key = Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec)
        Rendition.cache_backend.set(key, rendition)
    return rendition


def get_renditions(self, *filters):
    Rendition = self.get_rendition_model()  # noqa: N806 - as upstream
    clean_filters = []
    for filter in filters:
        if isinstance(filter, str):
            filter = Filter(spec=filter)
        clean_filters.append(self.clean_filter_for_svg(filter))
    filters = list(dict.fromkeys(clean_filters))
    renditions = self.find_existing_renditions(*filters)
    not_found = [f for f in filters if f not in renditions]
    for filter, rendition in self.create_renditions(*not_found).items():
        self._add_to_prefetched_renditions(rendition)
        renditions[filter] = rendition
    cache_additions = {}
    for filter, rendition in renditions.items():
        if not getattr(rendition, "_from_cache", False):
            rendition._from_cache = True  # so marked in the cached copy, as in get_rendition
            cache_additions[Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec)] = rendition
    if cache_additions:
        Rendition.cache_backend.set_many(cache_additions)
    return {filter.spec: renditions[filter] for filter in filters}


def install():
    AbstractImage.get_rendition = get_rendition
    AbstractImage.get_renditions = get_renditions
