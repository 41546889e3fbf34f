"""Admin for the practice taxonomies, the good-practice criteria and the panel's assessments."""

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_menu import WaitingCountMenuItem

from . import adoption, adoption_views
from .admin_views import AssessmentRecordedView, PanelRevisionsCompareView
from .models import Criterion, PanelAssessment, PracticeSubmission, TargetGroup, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "tasks"
    list_display = ["name", "order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    ordering = ["order"]


class PanelAssessmentViewSet(SnippetViewSet):
    """The panel's assessments, for the centre to look back on (they are made in the workflow)."""

    model = PanelAssessment
    icon = "clipboard-list"
    list_display = ["page", "recommendation", "assessor", "created_at"]
    list_filter = ["recommendation"]
    search_fields = ["page__title", "comment"]
    inspect_view_enabled = True
    panels = [FieldPanel("recommendation", read_only=True), FieldPanel("comment", read_only=True)]


class PracticeSubmissionViewSet(SnippetViewSet):
    model = PracticeSubmission
    icon = "mail"
    # A submission whose e-mails failed shows the error: the centre contacts the submitter itself.
    list_display = ["practice", "name", "organisation", "email", "submitted_at", "emails_sent_at", "email_error"]
    list_filter = ["call"]
    search_fields = ["name", "organisation", "email"]
    inspect_view_enabled = True


class PracticesViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TargetGroupViewSet, CriterionViewSet, PanelAssessmentViewSet, PracticeSubmissionViewSet)
    menu_icon = "tasks"
    menu_label = _("Good practices")
    menu_name = "practices"


register_snippet(PracticesViewSetGroup)


@hooks.register("register_admin_urls")
def register_panel_urls():
    return [
        re_path(
            r"^practices/(?P<pk>\d+)/compare/(?P<revision_id_a>\d+)\.\.\.(?P<revision_id_b>\d+)/$",
            PanelRevisionsCompareView.as_view(),
            name="practices_panel_compare",
        ),
        path("practices/assessments/<int:pk>/recorded/", AssessmentRecordedView.as_view(), name="practices_assessment_recorded"),
    ]


@hooks.register("register_admin_urls")
def register_adoption_urls():
    return [
        path("practices/adoption-reports/", adoption_views.queue, name="practices_adoption_queue"),
        path("practices/adoption-reports/moderate/", adoption_views.moderate, name="practices_adoption_moderate"),
    ]


@hooks.register("register_admin_menu_item")
def register_adoption_menu_item():
    return WaitingCountMenuItem(
        _("Adoption reports"),
        reverse("practices_adoption_queue"),
        is_allowed=adoption.can_moderate,
        waiting=lambda: adoption.held_reports().count(),
        name="adoption-reports",
        icon_name="group",
        order=310,
    )
