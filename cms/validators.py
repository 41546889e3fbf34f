"""Validators for text typed into public forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Line breaks and tabs are text in a multi-line field; every other control character is not.
TEXT_CONTROLS = {"\t", "\n", "\r"}


def control_characters(value, allowed=frozenset()):
    return {char for char in value if unicodedata.category(char) == "Cc" and char not in allowed}


def validate_single_line(value):
    """A name or a title: no line breaks or other control characters (they end up in e-mail headers)."""
    if control_characters(value):
        raise ValidationError(_("Write this on one line, without control characters."), code="single_line")


def validate_text(value):
    """A multi-line text: line breaks are fine, other control characters are not."""
    if control_characters(value, TEXT_CONTROLS):
        raise ValidationError(_("The text contains control characters."), code="control_characters")
