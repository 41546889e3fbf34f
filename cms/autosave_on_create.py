"""Workaround: no autosave while a NEW page is being written.

Wagtail 8 autosaves the create view too (`WAGTAIL_AUTOSAVE_INTERVAL`, one setting for
create and edit): the first autosave creates the page, so a half-finished draft appears
in the page tree, visible to other editors and translators (and mirrored as aliases into
the other languages' trees) while its author is still typing. Editing an existing page
keeps autosave. Pages are routed here by a `PageViewSet` registered for each concrete
`cms.models.BasePage` type (`cms/wagtail_hooks.py`).

Upstream: wagtail/wagtail `wagtail/admin/views/pages/create.py` (`autosave_enabled`).
Remove when Wagtail lets the create view's autosave be switched off on its own.
"""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreateViewWithoutAutosave(CreateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


class ProjectPageViewSet(PageViewSet):
    """Wagtail's page views for the project's page types, with the create view above."""

    add_view_class = CreateViewWithoutAutosave

    @property
    def parent_models(self):
        # Leave the explorer's listings of child pages to Wagtail's default viewset.
        return []
