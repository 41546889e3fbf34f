"""The sections of a practice model, in the structure of the Finnish Innokylä template.

All sections live in one StreamField. Each section may appear once (`block_counts`
max_num); the six starred sections of the template are required, but that rule is
checked in `PracticeSectionsBlock.clean` when the practice is published or sent for
review, not with `min_num`: Wagtail's editor shows a `min_num` error on every missing
section from the moment a new page opens. In the block chooser the sections come in two
groups, "Required sections" and "Optional sections", each with its description; an
optional section once added may stay empty (no required star). The stream's order is the
editor's; the public page always shows the sections in `SECTION_ORDER`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import ParagraphBlock

REQUIRED_GROUP = _("Required sections")
OPTIONAL_GROUP = _("Optional sections")


class SectionTextBlock(ParagraphBlock):
    """A section's formatted text; the page template adds the section heading."""

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"


class ActorBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200)
    role = blocks.CharBlock(label=_("Role in the development work"), max_length=300, required=False)

    class Meta:
        icon = "group"
        label = _("Actor")


class DeveloperGroupBlock(blocks.StructBlock):
    """Who developed the model together: a list of actors, not free text, so it can be compared."""

    introduction = blocks.TextBlock(label=_("Introduction"), required=False, max_length=1000)
    actors = blocks.ListBlock(ActorBlock(), label=_("Actors"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Assembling the developer group and co-development")
        description = _("The organisations that developed the model together, and their roles.")
        group = OPTIONAL_GROUP
        template = "practices/blocks/developer_group_block.html"
        preview_value = {
            "introduction": "Toimintamallia kehitettiin yhdessä alueen toimijoiden kanssa.",
            "actors": [
                {"organisation": "Alueen kunnat", "role": "Kotoutumisen edistämisen kokonaiskoordinaatio"},
                {"organisation": "ELY-keskus", "role": "Verkoston koordinaattori"},
            ],
        }


class AttachmentsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DocumentChooserBlock(label=_("Document")), **kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Attachments")
        description = _("Documents about the model: descriptions, evaluation reports, materials.")
        group = OPTIONAL_GROUP
        template = "practices/blocks/attachments_block.html"


def section(label, description, *, required=False):
    """A text section: its description is the chooser's help and the help under the field."""
    return SectionTextBlock(
        label=label,
        description=description,
        help_text=description,
        required=required,
        group=REQUIRED_GROUP if required else OPTIONAL_GROUP,
    )


class PracticeSectionsBlock(blocks.StreamBlock):
    """The Innokylä sections. Block names double as the anchors of the table of contents."""

    operating_environment = section(
        _("Operating environment"),
        _("The setting the model was developed in: services, legislation, reforms."),
        required=True,
    )
    starting_point = section(
        _("Starting point and strategic links"), _("The situation before the work and the strategies it links to.")
    )
    needs = section(_("Needs behind the development work"), _("The needs that started the development work."))
    developer_group = DeveloperGroupBlock()
    intended_change = section(_("Intended change"), _("What should be different when the model works."))
    measuring_change = section(_("Measuring the change"), _("How the change is measured and followed."))
    implementation_plan = section(_("Implementation plan"), _("The steps in which the model is put into practice."))
    target_group = section(
        _("Target group and client understanding"),
        _("Who the model serves and what is known about their needs."),
        required=True,
    )
    basic_idea = section(
        _("Basic idea of the solution"), _("The core of the model in a few sentences."), required=True
    )
    conditions = section(
        _("Conditions for functioning and adoption"),
        _("What the model needs to work and to be taken into use."),
        required=True,
    )
    tips = section(
        _("Tips for those applying the model"), _("Advice for organisations taking the model into use."), required=True
    )
    evaluation_results = section(
        _("Evaluation results in brief"), _("What evaluation showed about the model's results."), required=True
    )
    attachments = AttachmentsBlock()

    class Meta:
        # Each section at most once; which are required is `REQUIRED_SECTIONS`, checked in `clean`.
        block_counts = {
            name: {"max_num": 1}
            for name in (
                "operating_environment",
                "starting_point",
                "needs",
                "developer_group",
                "intended_change",
                "measuring_change",
                "implementation_plan",
                "target_group",
                "basic_idea",
                "conditions",
                "tips",
                "evaluation_results",
                "attachments",
            )
        }

    def clean(self, value):
        """Demand every required section, naming each missing one, unless validation is deferred.

        Wagtail defers required-field validation when a draft is saved (and when it
        autosaves), so a half-written practice can be saved; publishing or sending it
        to the panel needs every required section.
        """
        missing = []
        if self.required and not self.is_deferred_validation:
            present = {child.block_type for child in value}
            missing = [self.child_blocks[name].label for name in REQUIRED_SECTIONS if name not in present]
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            raise StreamBlockValidationError(
                block_errors=error.block_errors,
                non_block_errors=[missing_section_error(label) for label in missing]
                + list(error.non_block_errors.as_data()),
            ) from None
        if missing:
            raise StreamBlockValidationError(non_block_errors=[missing_section_error(label) for label in missing])
        return cleaned


def missing_section_error(label):
    return ValidationError(
        _("The section “%(section)s” is required."), code="missing_section", params={"section": label}
    )


SECTION_ORDER = list(PracticeSectionsBlock.base_blocks.keys())
REQUIRED_SECTIONS = [name for name, block in PracticeSectionsBlock.base_blocks.items() if block.meta.group == REQUIRED_GROUP]
