"""Admin views for the expert panel, whose members have no page permissions of their own.

The panel's authority comes from the workflow task (Wagtail lets a task's reviewers
into the editor): these views let the same people compare revisions and see where a
practice stands after they recorded an assessment.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.revisions import RevisionsCompareView

from .models import PanelAssessment


class PanelRevisionsCompareView(RevisionsCompareView):
    """Wagtail's revision comparison, open to whoever may edit the page, including through a workflow task.

    Wagtail's own view first demands some page permission (`user_has_any_page_permission`),
    which panel members lack; `get_object` still checks that the user may edit this page.
    """

    def dispatch(self, request, *args, **kwargs):
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)


class AssessmentRecordedView(WagtailAdminTemplateMixin, TemplateView):
    """Where the panel member lands after recording an assessment: what happened and where the practice is now."""

    template_name = "practices/admin/assessment_recorded.html"
    page_title = gettext_lazy("Assessment recorded")
    header_icon = "clipboard-list"

    def dispatch(self, request, pk):
        self.assessment = get_object_or_404(PanelAssessment.objects.select_related("page", "revision"), pk=pk)
        if not (request.user.is_superuser or self.assessment.assessor_id == request.user.pk):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.assessment.page.title

    def get(self, request):
        if self.assessment.published:
            message = _("Assessment recorded: “%(title)s” is published with your assessment.")
        elif self.assessment.recommended:
            message = _("Assessment recorded: “%(title)s” is approved and waits for publishing.")
        else:
            message = _("Assessment recorded: “%(title)s” is not published; your assessment was sent back to the editors.")
        messages.success(request, message % {"title": self.assessment.page.title})
        return super().get(request)

    def get_context_data(self, **kwargs):
        page = self.assessment.page.specific
        page.refresh_from_db()
        return super().get_context_data(
            assessment=self.assessment, page=page, verdicts=self.assessment.localized_verdicts(), **kwargs
        )
