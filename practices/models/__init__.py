"""The models of good practices, one module per concern; imported from here (`practices.models.X`).

- `taxonomy`: the vocabularies (development stage, call status) and the translatable
  terms: themes, target groups, the good-practice criteria;
- `assessment`: the expert panel's assessment of a practice and its verdicts;
- `practice`: the practice model page;
- `call`: the thematic call page (its form's views in `practices.views`);
- `index`: the practice collection page (its listing in `practices.filters`);
- `submission`: who submitted a practice to a call (the intake: `practices.intake`);
- `review`: the panel's workflow task (its form: `practices.forms`);
- `adoption`: adoption reports (the flow: `practices.adoption`).

Layers, bottom up: taxonomy → assessment, adoption, submission → practice → review (with
`practices.forms`, `practices.verdict_mail`) → call (with `practices.views`,
`practices.intake`) → index (with `practices.filters`). The app's other modules import the
model module they need (`from .models.practice import ...`), not this package, so that none
of them depends on a module above it; code outside the app imports from here.
"""

from .adoption import AdoptionReport
from .assessment import CriterionVerdict, PanelAssessment, recommended_subquery
from .call import PracticeCallPage
from .index import PracticeIndexPage
from .practice import CRITERIA_SLUGS, CriteriaLinkMixin, PracticeModelPage, has_content
from .review import PANEL_GROUP_NAME, PANEL_WORKFLOW_NAME, ExpertPanelReviewTask, follow_latest_revision
from .submission import PracticeSubmission
from .taxonomy import CallStatus, Criterion, DevelopmentStage, TargetGroup, Theme

__all__ = [
    "CRITERIA_SLUGS",
    "PANEL_GROUP_NAME",
    "PANEL_WORKFLOW_NAME",
    "AdoptionReport",
    "CallStatus",
    "CriteriaLinkMixin",
    "Criterion",
    "CriterionVerdict",
    "DevelopmentStage",
    "ExpertPanelReviewTask",
    "PanelAssessment",
    "PracticeCallPage",
    "PracticeIndexPage",
    "PracticeModelPage",
    "PracticeSubmission",
    "TargetGroup",
    "Theme",
    "follow_latest_revision",
    "has_content",
    "recommended_subquery",
]
