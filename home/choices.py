"""Fixed vocabularies of the Kotona Suomessa pilots.

They are choices, not snippets: the values are stored once and synchronised across
languages, and their labels are interface strings translated with Django i18n. The
`practices` app defines the site's editorial Theme snippets; pilot themes are the three
development areas of Hyvä alku and do not change, so they stay a closed list here.
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


class Region(models.TextChoices):
    """The regions of Finland (maakunnat)."""

    UUSIMAA = "uusimaa", _("Uusimaa")
    SOUTHWEST_FINLAND = "southwest-finland", _("Southwest Finland")
    SATAKUNTA = "satakunta", _("Satakunta")
    KANTA_HAME = "kanta-hame", _("Kanta-Häme")
    PIRKANMAA = "pirkanmaa", _("Pirkanmaa")
    PAIJAT_HAME = "paijat-hame", _("Päijät-Häme")
    KYMENLAAKSO = "kymenlaakso", _("Kymenlaakso")
    SOUTH_KARELIA = "south-karelia", _("South Karelia")
    SOUTH_SAVO = "south-savo", _("South Savo")
    NORTH_SAVO = "north-savo", _("North Savo")
    NORTH_KARELIA = "north-karelia", _("North Karelia")
    CENTRAL_FINLAND = "central-finland", _("Central Finland")
    SOUTH_OSTROBOTHNIA = "south-ostrobothnia", _("South Ostrobothnia")
    OSTROBOTHNIA = "ostrobothnia", _("Ostrobothnia")
    CENTRAL_OSTROBOTHNIA = "central-ostrobothnia", _("Central Ostrobothnia")
    NORTH_OSTROBOTHNIA = "north-ostrobothnia", _("North Ostrobothnia")
    KAINUU = "kainuu", _("Kainuu")
    LAPLAND = "lapland", _("Lapland")
    ALAND = "aland", _("Åland")
