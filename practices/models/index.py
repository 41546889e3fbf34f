"""The good-practice collection page: the faceted list of practices, the calls, and the criteria page."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.localized import localized_objects
from cms.models import BasePage
from cms.templatetags.cms_tags import live_translations
from cms.visibility import kept_for_the_public, visible_pages

from ..filters import PracticeListing
from .call import PracticeCallPage
from .practice import CRITERIA_SLUGS
from .taxonomy import Criterion


class PracticeIndexPage(RoutablePageMixin, BasePage):
    """The good-practice collection: every practice and call lives under it.

    Its `kriteerit/` (sv `kriterier/`, en `criteria/`) explains the six criteria the expert
    panel assesses practices against, from the criteria's own data (`Criterion`).
    """

    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.PracticeModelPage", "practices.PracticeCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice collection")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = PracticeListing(self, request.GET, request.GET.get("page"))
        context["listing"] = listing
        context["facets"] = listing.facets
        context["page_obj"] = listing.page_obj
        context["practices"] = listing.practices()
        context["calls"] = kept_for_the_public("practice-calls", self.pk, self.read_calls, copies=True)
        return context

    def read_calls(self):
        """The visible calls for practices under this page, the latest closing first."""
        return list(visible_pages(PracticeCallPage.objects.child_of(self)).order_by("-closes_at").defer_streamfields())

    @staticmethod
    def localized_criteria():
        """The criteria in the active language; one not translated yet in the default language, marked `lang`."""
        active = Locale.get_active()
        criteria = localized_objects(Criterion.source_criteria(), active)
        fallback = settings.LANGUAGE_CODE
        for criterion in criteria:
            criterion.lang = None if criterion.locale_id == active.pk else fallback
        return criteria

    @path("")
    def index(self, request):
        return self.render(request)

    @re_path(r"^(?P<name>{})/$".format("|".join(CRITERIA_SLUGS.values())))
    def criteria(self, request, name):
        if name != CRITERIA_SLUGS.get(self.locale.language_code):
            raise Http404
        versions = {**live_translations(self, request), self.locale.language_code: self}
        language_urls = {
            code: f"{version.url}{CRITERIA_SLUGS[code]}/" for code, version in versions.items() if code in CRITERIA_SLUGS
        }
        return self.render(
            request,
            template="practices/criteria_page.html",
            context_overrides={
                "criteria": self.localized_criteria(),
                "language_urls": language_urls,
                "alternates": sorted((code, request.build_absolute_uri(url)) for code, url in language_urls.items()),
            },
        )
