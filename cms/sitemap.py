"""The XML sitemap: every live page of every locale."""

from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


def sitemap_view(request):
    return wagtail_sitemap(request)
