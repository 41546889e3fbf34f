"""Content for search tests: pages in a locale's tree, private and draft pages, promotions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from tests.factories import StandardPageFactory


def add_standard_page(parent, title, lead="", live=True, **kwargs):
    """A StandardPage under `parent`, in the parent's locale."""
    return StandardPageFactory(parent=parent, title=title, lead=lead, live=live, locale=parent.locale, **kwargs)


def add_plain_page(parent, title):
    """A bare wagtailcore Page (an "other page" of no app) under `parent`."""
    page = Page(title=title, locale=parent.locale)
    parent.add_child(instance=page)
    return page


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )


def promote(query_string, page=None, url="", link_text="", description=""):
    query = Query.get(query_string)
    order = query.editors_picks.count()
    return SearchPromotion.objects.create(
        query=query, page=page, external_link_url=url, external_link_text=link_text, description=description, sort_order=order
    )
