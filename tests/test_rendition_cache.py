"""cms.wagtail_rendition_cache: a rendition read from the cache is not written back to it."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from cms.demo import draw_image

pytestmark = pytest.mark.django_db


def test_a_rendition_read_from_the_cache_is_not_written_again(monkeypatch):
    Image = get_image_model()  # noqa: N806 - a model class
    drawn = BytesIO(draw_image("x", "circles", ["#fff", "#000"]))
    image = Image.objects.create(title="Kuva", file=ImageFile(drawn, name="kuva.jpg"))
    Rendition = image.get_rendition_model()  # noqa: N806
    writes = []
    real_set = Rendition.cache_backend.set
    monkeypatch.setattr(
        Rendition.cache_backend, "set", lambda *args, **kwargs: writes.append(args[0]) or real_set(*args, **kwargs)
    )

    first = Image.objects.get(pk=image.pk).get_rendition("fill-200x100")  # made, then kept in the cache
    assert len(writes) == 1
    for _ in range(3):  # each request reads the image anew, without prefetched renditions
        again = Image.objects.get(pk=image.pk).get_rendition("fill-200x100")
        assert again.url == first.url and (again.width, again.height) == (200, 100)
    assert len(writes) == 1
