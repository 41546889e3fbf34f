"""What the search backends keep beside their own index, the same on every backend.

The index tables hold analysed terms (see `search.analysis`), which cannot be shown to a
visitor; `IndexedText` keeps each indexed object's text as written, for the snippets with
highlighted words, and `IndexedWord` the words of each language, for "did you mean".
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedText(models.Model):
    """An indexed object's searchable text as written (title and everything else)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=50)
    language = models.CharField(max_length=8, blank=True)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        unique_together = [("content_type", "object_id")]
        verbose_name = _("indexed text")
        verbose_name_plural = _("indexed texts")

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class IndexedWord(models.Model):
    """A word that occurs in indexed text of a language, and in how many indexings it occurred.

    Words are only ever added (a word that disappears stays until `update_index`), so a
    suggestion is only made when searching for it finds something.
    """

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=40)
    length = models.PositiveSmallIntegerField()
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        unique_together = [("language", "word")]
        indexes = [models.Index(fields=["language", "length"])]
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word
