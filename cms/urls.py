from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.sitemap import sitemap_view

handler500 = "cms.request_log.server_error"


class FaviconView(RedirectView):
    """/favicon.ico, asked for by browsers and crawlers that read no <link rel=icon>.

    The static URL carries the file's hash in production, so the redirect is temporary.
    """

    def get_redirect_url(self, *args, **kwargs):
        return static("icons/favicon.ico")

# django-comments-xtd's own URLs are not routed: comments are posted through each post's
# own route (blog.comments.post_comment_view), shown on the post and moderated in the
# admin. Its reply pages, content-type redirects, flags, likes and browsable API would
# only show what is not public (held comments, unpublished posts' addresses).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("api/v2/", include("opendata.urls")),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", FaviconView.as_view()),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Finnish, the default language, has unprefixed URLs; /sv/ and /en/ for the others.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("subscriptions.urls")),
    path("", include("practices.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
