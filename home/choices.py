"""Fixed vocabularies of the Kotona Suomessa pilots.

They are choices, not snippets: the values are stored once and synchronised across
languages, and their labels are interface strings translated with Django i18n. The
`practices` app defines the site's editorial Theme snippets; pilot themes are the three
development areas of Hyvä alku and do not change, so they stay a closed list here.
Regions are shared with the practices: `cms.vocabulary.Region`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutdatedNotice(models.TextChoices):
    INHERIT = "inherit", _("As the page above (inherit)")
    SHOW = "show", _("Show")
    HIDE = "hide", _("Hide")


class CallRound(models.IntegerChoices):
    FIRST = 1, _("Call 1")
    SECOND = 2, _("Call 2")
    THIRD = 3, _("Call 3")
    FOURTH = 4, _("Call 4")


class PilotTheme(models.TextChoices):
    INITIAL_PHASE = "initial-phase", _("Initial-phase services")
    TRANSITION = "transition", _("Transition after integration training")
    GUIDANCE = "guidance", _("Guidance to work, education or entrepreneurship")
