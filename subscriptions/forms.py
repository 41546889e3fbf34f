"""The public subscription form: an address, what to follow, and themes (none: everything of that kind)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.form_guards import GuardedForm

from .kinds import KINDS, VOCABULARIES, terms


class SubscriptionForm(GuardedForm):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send a confirmation link to this address. Nothing else is sent before you confirm."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("What to follow"),
        choices=[(kind.key, kind.label) for kind in KINDS.values()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing to follow.")},
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        locale = locale or Locale.get_active()
        self.theme_fields = []
        for vocabulary in VOCABULARIES:
            self.fields[vocabulary.name] = forms.MultipleChoiceField(
                label=vocabulary.label,
                choices=terms(vocabulary, locale),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Choose none to get everything."),
            )
            self.theme_fields.append(vocabulary.name)
        for name in ("website", "issued"):
            self.fields[name] = self.fields.pop(name)
        self.fields["email"].widget.attrs.update(autocomplete="email")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def theme_field_list(self):
        return [self[name] for name in self.theme_fields]
