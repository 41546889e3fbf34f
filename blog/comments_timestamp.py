"""Workaround: a comment form whose timestamp no float can hold is a form error, not a 500.

django-contrib-comments 2.2.0 `CommentSecurityForm.clean_timestamp`
(https://github.com/django/django-contrib-comments/blob/2.2.0/django_comments/forms.py)
computes `time.time() - ts` with the posted integer: a timestamp of a few hundred digits
raises `OverflowError` there, outside Django's validation. A timestamp outside the
64-bit range fails the field's own validation first, so `clean_timestamp` never sees it.

It can go when upstream bounds the field (`forms.IntegerField(min_value=..., max_value=...)`).
"""

from django.core.validators import MaxValueValidator, MinValueValidator

LIMIT = 2**63


def bound_timestamp(form):
    """Give the form's timestamp field a range that float arithmetic can take."""
    form.fields["timestamp"].validators += [MinValueValidator(-LIMIT), MaxValueValidator(LIMIT)]
    return form
