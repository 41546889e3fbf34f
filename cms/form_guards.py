"""Abuse defences of a public form that sends e-mail or stores what visitors type: a honeypot and a signed timestamp.

The same defences as the comment form (django-comments' honeypot and its signed
timestamp) for forms that are not comments:

- `website`: a field people never see (hidden with CSS, `hp-field`); a bot that fills it
  gets the same answer as everyone else and nothing is done (`is_spam`).
- `issued`: when the form was rendered, signed with the site's key. A form posted without
  a valid signature did not come from our page (`security_errors()`: answer 400); one
  older than `max_age` is a form error and the visitor sends it again (a fresh value is
  rendered with the errors), so a harvested form cannot be replayed for ever.

The per-address rate limit stays with the view (`cms.rate_limits.over_limit`): it should
count only complete submissions, which only the view knows.
"""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MAX_AGE_SECONDS = 2 * 60 * 60


class GuardedForm(forms.Form):
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    issued = forms.CharField(widget=forms.HiddenInput, max_length=200)

    max_age = MAX_AGE_SECONDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tampered = False
        self.fields["issued"].initial = self.issued_value()
        # Put the guard fields last, after whatever the subclass declares.
        for name in ("website", "issued"):
            self.fields[name] = self.fields.pop(name)

    @classmethod
    def signer(cls):
        return signing.TimestampSigner(salt=f"cms.form_guards:{cls.__module__}.{cls.__qualname__}")

    @classmethod
    def issued_value(cls):
        return cls.signer().sign("issued")

    def clean_issued(self):
        value = self.cleaned_data["issued"]
        try:
            self.signer().unsign(value, max_age=self.max_age)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("The form was open for a long time. Check what you wrote and send it again."), code="expired"
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(_("The form could not be verified."), code="tampered") from None
        return value

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        issued_errors = self._errors.as_data().get("issued", [])
        # Missing, overlong or forged; an expired one is an ordinary form error.
        self._tampered = any(error.code != "expired" for error in issued_errors)
        # Shown again with the errors: a fresh timestamp, so sending it again works.
        self.data = self.data.copy()
        self.data[self.add_prefix("issued")] = self.issued_value()

    def security_errors(self):
        """Whether the form's signature is missing or forged (not merely old): answer 400."""
        self.is_valid()
        return self._tampered

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
