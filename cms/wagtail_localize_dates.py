"""Workaround: wagtail-localize writes dates with `strftime("%-d %B %Y")`, in English whatever the language.

The translation editor then says "Käännetty manuaalisesti 1 December 2026". This replaces
`StringTranslation.get_comment` with the same texts dated in the active language's
format (Django's `DATE_FORMAT`: "1.12.2026" in Finnish, "1 december 2026" in Swedish).
Upstream: wagtail/wagtail-localize `wagtail_localize/models.py` (`get_comment`, `compat.DATE_FORMAT`).
Remove when upstream formats dates with Django's localisation.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation


def get_comment(self):
    date = date_format(localtime(self.updated_at), "DATE_FORMAT")
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=self.tool_name, date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def install():
    StringTranslation.get_comment = get_comment
