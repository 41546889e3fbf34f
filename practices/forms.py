"""The public submission form of a thematic call and the expert panel's assessment form."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from cms.localized import localized_objects
from cms.validators import validate_single_line, validate_text
from cms.vocabulary import Region

from .blocks import REQUIRED_SECTIONS, PracticeSectionsBlock
from .models.assessment import CriterionVerdict, PanelAssessment
from .models.taxonomy import Criterion

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
# Extension → the first bytes such a file starts with (PDF; DOCX and ODT are ZIP packages).
ATTACHMENT_TYPES = {"pdf": (b"%PDF-",), "docx": (b"PK\x03\x04",), "odt": (b"PK\x03\x04",)}
SECTION_MAX_LENGTH = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked by `FileField` (the pattern of Django's docs)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(f".{ext}" for ext in ATTACHMENT_TYPES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data]
        return [single_clean(data, initial)] if data else []


class PracticeSubmissionForm(forms.Form):
    """A practice offered to a call: who offers it, the basic facts and the required sections as plain text."""

    name = forms.CharField(label=_("Your name"), max_length=200, validators=[validate_single_line])
    organisation = forms.CharField(label=_("Organisation"), max_length=200, validators=[validate_single_line])
    email = forms.EmailField(label=_("E-mail"), help_text=_("We send a confirmation to this address."))
    title = forms.CharField(label=_("Name of the practice"), max_length=200, validators=[validate_single_line])
    short_description = forms.CharField(
        label=_("Short description"),
        max_length=800,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_text],
    )
    region = forms.ChoiceField(label=_("Where the practice runs"), choices=Region.choices, initial=Region.NATIONAL)
    municipality = forms.CharField(
        label=_("Municipality"), max_length=200, required=False, validators=[validate_single_line]
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to %(count)d files in PDF, DOCX or ODT format, at most %(size)s each.")
        % {"count": MAX_ATTACHMENTS, "size": filesizeformat(MAX_ATTACHMENT_SIZE)},
    )
    # A field people never see: a bot that fills it is answered politely and ignored.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = PracticeSectionsBlock().child_blocks
        attachments = self.fields.pop("attachments")
        website = self.fields.pop("website")
        for name in REQUIRED_SECTIONS:
            block = sections[name]
            self.fields[name] = forms.CharField(
                label=block.label,
                help_text=block.meta.description,
                max_length=SECTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 6}),
                validators=[validate_text],
            )
        self.fields["attachments"] = attachments
        self.fields["website"] = website

    @property
    def section_fields(self):
        return [self[name] for name in REQUIRED_SECTIONS]

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)d files."), code="too_many", params={"count": MAX_ATTACHMENTS}
            )
        for upload in files:
            extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
            if extension not in ATTACHMENT_TYPES:
                raise ValidationError(
                    _("“%(name)s” is not a PDF, DOCX or ODT file."), code="file_type", params={"name": upload.name}
                )
            if upload.size > MAX_ATTACHMENT_SIZE:
                raise ValidationError(
                    _("“%(name)s” is %(size)s; the limit is %(limit)s."),
                    code="file_size",
                    params={
                        "name": upload.name,
                        "size": filesizeformat(upload.size),
                        "limit": filesizeformat(MAX_ATTACHMENT_SIZE),
                    },
                )
            head = upload.read(8)
            upload.seek(0)
            if not head.startswith(ATTACHMENT_TYPES[extension]):
                raise ValidationError(
                    _("“%(name)s” does not look like a %(type)s file."),
                    code="file_content",
                    params={"name": upload.name, "type": extension.upper()},
                )
        return files


class PanelAssessmentForm(forms.Form):
    """A verdict and a justification per criterion, a recommendation, and the revision judged.

    Used as the workflow task's action form, so it is built from POST data alone and
    its cleaned data holds only strings and numbers (the page editor passes it through
    JSON). `for_task_state` builds the unbound form the panel opens: pre-filled with the
    practice's last assessment, and bound to the revision the panel is shown now.
    """

    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=PanelAssessment.RECOMMENDATION_CHOICES, widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("Comment to the editors"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, check_latest=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_latest = check_latest
        self.criteria = list(Criterion.source_criteria())
        names = {c.translation_key: c for c in localized_objects(self.criteria)}
        recommendation, comment = self.fields.pop("recommendation"), self.fields.pop("comment")
        self.criterion_fields = []
        for criterion in self.criteria:
            shown = names.get(criterion.translation_key, criterion)
            self.fields[f"verdict_{criterion.key}"] = forms.ChoiceField(
                label=shown.name,
                help_text=shown.description,
                choices=CriterionVerdict.VERDICT_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a verdict on “%(criterion)s”.") % {"criterion": shown.name}},
            )
            self.fields[f"justification_{criterion.key}"] = forms.CharField(
                label=_("Justification: %(criterion)s") % {"criterion": shown.name},
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.criterion_fields.append((criterion.key, shown.name))
        self.fields["recommendation"] = recommendation
        self.fields["comment"] = comment

    @classmethod
    def for_task_state(cls, task_state):
        """The form a panel member opens: the last assessment's verdicts, the latest revision to judge."""
        page = task_state.workflow_state.content_object.specific
        initial = {"revision": page.get_latest_revision().pk}
        previous = page.panel_assessment
        if previous is not None:
            initial.update(previous.as_form_data())
        return cls(initial=initial)

    def criterion_groups(self):
        """(verdict field, justification field) per criterion, for a fieldset each."""
        return [(self[f"verdict_{key}"], self[f"justification_{key}"]) for key, _name in self.criterion_fields]

    def clean_revision(self):
        revision = Revision.objects.filter(pk=self.cleaned_data["revision"]).first()
        if revision is None:
            raise ValidationError(_("The revision to assess no longer exists."), code="missing_revision")
        if self.check_latest:
            latest = (
                Revision.objects.filter(base_content_type_id=revision.base_content_type_id, object_id=revision.object_id)
                .order_by("-pk")
                .first()
            )
            if latest.pk != revision.pk:
                # Shown again with the new revision: sending it once more judges what is there now.
                self.data = self.data.copy()
                self.data[self.add_prefix("revision")] = latest.pk
                # A form-wide error: the revision field is hidden, its own errors would not show.
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "The practice was changed after you opened this form. Look at the changes and "
                            "confirm or change your assessment."
                        ),
                        code="changed",
                    ),
                )
        return revision.pk

    def clean(self):
        cleaned = super().clean()
        if not self.criteria:
            raise ValidationError(_("No good-practice criteria are defined; the practice cannot be assessed."))
        verdicts = [cleaned.get(f"verdict_{c.key}") for c in self.criteria]
        if cleaned.get("recommendation") == PanelAssessment.RECOMMEND and CriterionVerdict.NOT_MET in verdicts:
            self.add_error(
                "recommendation", _("A practice that does not meet every criterion cannot be recommended.")
            )
        return cleaned

    def save(self, *, task_state, user, revision):
        page = task_state.workflow_state.content_object.specific
        assessment = PanelAssessment.objects.create(
            page=page,
            revision=revision,
            task_state=task_state,
            assessor=user,
            recommendation=self.cleaned_data["recommendation"],
            comment=self.cleaned_data.get("comment", ""),
        )
        CriterionVerdict.objects.bulk_create(
            CriterionVerdict(
                assessment=assessment,
                criterion=criterion,
                verdict=self.cleaned_data[f"verdict_{criterion.key}"],
                justification=self.cleaned_data[f"justification_{criterion.key}"],
            )
            for criterion in self.criteria
        )
        return assessment
