"""cms.wagtail_rendition_cache: a rendition read from the cache is not written back to it."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from cms.demo import draw_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    Image = get_image_model()  # noqa: N806 - a model class
    drawn = BytesIO(draw_image("x", "circles", ["#fff", "#000"]))
    return Image.objects.create(title="Kuva", file=ImageFile(drawn, name="kuva.jpg"))


@pytest.fixture
def writes(monkeypatch, image):
    """The keys written to the renditions' cache, one by one or many at once (once each: a
    backend's `set_many` may call its `set`)."""
    backend = image.get_rendition_model().cache_backend
    written, inside_set_many = [], []
    real_set, real_set_many = backend.set, backend.set_many

    def set_one(key, *args, **kwargs):
        if not inside_set_many:
            written.append(key)
        return real_set(key, *args, **kwargs)

    def set_many(data, *args, **kwargs):
        written.extend(data)
        inside_set_many.append(True)
        try:
            return real_set_many(data, *args, **kwargs)
        finally:
            inside_set_many.pop()

    monkeypatch.setattr(backend, "set", set_one)
    monkeypatch.setattr(backend, "set_many", set_many)
    return written


def test_a_rendition_read_from_the_cache_is_not_written_again(image, writes):
    Image = get_image_model()  # noqa: N806 - a model class

    first = Image.objects.get(pk=image.pk).get_rendition("fill-200x100")  # made, then kept in the cache
    assert len(writes) == 1
    for _ in range(3):  # each request reads the image anew, without prefetched renditions
        again = Image.objects.get(pk=image.pk).get_rendition("fill-200x100")
        assert again.url == first.url and (again.width, again.height) == (200, 100)
    assert len(writes) == 1


def test_renditions_of_a_srcset_read_from_the_cache_are_not_written_again(image, writes):
    """`{% srcset_image %}` reads its renditions with `get_renditions`."""
    Image = get_image_model()  # noqa: N806 - a model class
    specs = ("fill-480x270", "fill-960x540")
    first = Image.objects.get(pk=image.pk).get_renditions(*specs)  # made, then kept in the cache
    assert len(writes) == 2
    for _ in range(3):  # each request reads the image anew, without prefetched renditions
        again = Image.objects.get(pk=image.pk).get_renditions(*specs)
        assert [again[spec].url for spec in specs] == [first[spec].url for spec in specs]
        assert (again["fill-960x540"].width, again["fill-960x540"].height) == (960, 540)
    assert len(writes) == 2
