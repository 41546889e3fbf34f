"""Re-index a page once it is published, with its inline children in place.

The search index is updated from `post_save`, but a page's inline children (a
material's language versions, a post's authors) are saved by modelcluster after the
page row itself, so the index would miss a first version's transcript or a new author.
`page_published` comes after everything is saved.
"""

from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    insert_or_update_object(instance.specific)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published-page")
