"""The site's URLs plus one view that fails, for the tests of what a 500 leaves behind."""

from django.urls import path

from cms.urls import handler500  # noqa: F401 - handler500 is looked up here
from cms.urls import urlpatterns as site_urlpatterns


class DeliberateFailure(Exception):
    pass


def failing_view(request):
    raise DeliberateFailure("a bug in a view")


urlpatterns = [path("test-failure/", failing_view), *site_urlpatterns]
