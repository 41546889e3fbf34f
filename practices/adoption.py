"""Adoption reports ("We took this into use"): the public form, what the public sees, moderation, the editors' e-mail.

A report is held until a moderator approves it in the admin (`practices.adoption_views`),
like a blog comment. Only approved reports of a practice the visitor may see are shown,
on the practice page (`approved_reports`) and as the practice index's "adopted
elsewhere" facet (`ADOPTED_CONDITION`, used by `practices.filters` and so by the open
data API). The contact name and e-mail are never rendered publicly.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Revision
from wagtail.users.models import UserProfile

from cms import page_cache
from cms.form_guards import GuardedForm
from cms.validators import validate_single_line, validate_text
from cms.vocabulary import Region

from .models.adoption import AdoptionReport
from .models.practice import PracticeModelPage

logger = logging.getLogger(__name__)

MODERATE_PERMISSION = "practices.change_adoptionreport"
EARLIEST_YEAR = 1990

def approved_translation_keys():
    """The translation keys of the practices with at least one approved report."""
    return AdoptionReport.objects.filter(status=AdoptionReport.APPROVED).values("practice__translation_key")


# The practices with at least one approved report (any translation of them). The subquery is
# built at its first use (`lazy`): `practices.filters` holds this condition and is imported
# by the collection page's model while the models load, when no query can be built yet.
ADOPTED_CONDITION = Q(translation_key__in=lazy(approved_translation_keys, QuerySet)())


# --- The public form ------------------------------------------------------------------------------


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.strftime("%Y-%m")
        return value


class MonthField(forms.Field):
    """A month as `YYYY-MM` (what `<input type="month">` sends), kept as the first day of the month."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Give the month as year and month, e.g. 2024-03."),
        "future": _("The month cannot be in the future."),
        "too_early": _("Give a month from %(year)d on."),
    }

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        year, separator, month = value.partition("-")
        if not (separator and len(year) == 4 and year.isascii() and year.isdigit() and month.isascii()
                and month.isdigit() and len(month) <= 2):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return datetime.date(int(year), int(month), 1)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value > timezone.localdate():
            raise ValidationError(self.error_messages["future"], code="future")
        if value.year < EARLIEST_YEAR:
            raise ValidationError(self.error_messages["too_early"], code="too_early", params={"year": EARLIEST_YEAR})


class AdoptionReportForm(GuardedForm):
    organisation = forms.CharField(label=_("Organisation"), max_length=200, validators=[validate_single_line])
    municipality = forms.CharField(
        label=_("Municipality"),
        max_length=100,
        validators=[validate_single_line],
        help_text=_("Where you use the practice. Several municipalities: the main one here, the others under "
            "experiences."),
    )
    region = forms.ChoiceField(label=_("Region"), choices=[("", "—"), *Region.choices], required=False)
    adopted_on = MonthField(label=_("Taken into use (month)"), help_text=_("Year and month, e.g. 2024-03."))
    adapted = forms.CharField(
        label=_("What did you adapt?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_text],
    )
    experiences = forms.CharField(
        label=_("Experiences"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_text],
        help_text=_("What worked, what did not, what others should know."),
    )
    contact_name = forms.CharField(
        label=_("Contact person"), max_length=200, validators=[validate_single_line],
        help_text=_("Not published. The centre and the practice's editors may contact you."),
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), help_text=_("Not published."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].widget.attrs.update(autocomplete="name")
        self.fields["contact_email"].widget.attrs.update(autocomplete="email")
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")

    def save(self, practice, language):
        data = self.cleaned_data
        return AdoptionReport.objects.create(
            practice=practice,
            organisation=data["organisation"].strip(),
            municipality=data["municipality"].strip(),
            region=data["region"],
            adopted_on=data["adopted_on"],
            adapted=data["adapted"].strip(),
            experiences=data["experiences"].strip(),
            contact_name=data["contact_name"].strip(),
            contact_email=data["contact_email"],
            language=language,
        )


def source_practice(page):
    """The page the reports of `page`'s translation family name: the one in the default language, if any."""
    source = (
        PracticeModelPage.objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .only("pk")
        .first()
    )
    return source or page


# --- What the public sees --------------------------------------------------------------------------


def approved_reports(page):
    """The approved reports of a practice (any of its translations), newest adoption first.

    Only ask for the page a visitor may see (the page being served, or a visible listing).
    """
    return AdoptionReport.objects.filter(status=AdoptionReport.APPROVED, practice__translation_key=page.translation_key)


def municipality_count(reports):
    """In how many different municipalities (case and surrounding spaces aside, in any script)."""
    return len({report.municipality.strip().casefold() for report in reports})


def public_context(page):
    """What the practice page shows: the approved reports and their municipalities' count.

    One query, kept in the shared cache until what the public sees changes (moderating a
    report empties it, see `moderate`; a held report changes nothing public).
    """

    def read():
        reports = list(approved_reports(page).only(
            "organisation", "municipality", "region", "adopted_on", "adapted", "experiences", "language"
        ))
        return {"reports": reports, "municipality_count": municipality_count(reports)}

    return page_cache.shared_lookup("practices:adoption-reports", page.translation_key, read)


# --- Moderation ---------------------------------------------------------------------------------------


def can_moderate(user):
    return user.is_authenticated and user.is_active and user.has_perm(MODERATE_PERMISSION)


def held_reports():
    return AdoptionReport.objects.filter(status=AdoptionReport.HELD)


def moderate(report_ids, status, user, from_status=AdoptionReport.HELD):
    """Approve or reject the given reports that are `from_status`; the page cache is emptied. Returns how many."""
    count = AdoptionReport.objects.filter(pk__in=report_ids, status=from_status).update(
        status=status, moderated_by=user, moderated_at=timezone.now()
    )
    if count:
        # A queryset update sends no post_save: tell the page cache ourselves.
        page_cache.invalidate()
    return count


# --- The editors' e-mail ------------------------------------------------------------------------------


def practice_editors(practice):
    """Active users with an address who own or edited any translation of the practice."""
    pages = PracticeModelPage.objects.filter(translation_key=practice.translation_key)
    editor_ids = set(
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)])
        .exclude(user=None)
        .values_list("user_id", flat=True)
    )
    editor_ids |= set(pages.exclude(owner=None).values_list("owner_id", flat=True))
    return (
        get_user_model()
        .objects.filter(pk__in=editor_ids, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
    )


def user_language(user):
    """The user's admin language when they chose one, otherwise the site's default language."""
    try:
        language = user.wagtail_userprofile.preferred_language
    except UserProfile.DoesNotExist:
        language = ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def notify_editors(report):
    """Tell the practice's editors, each in their own admin language, that a report waits for moderation.

    Run after the report is committed: a mail error is logged and the report stays.
    """
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("practices_adoption_queue")
    sent = 0
    for user in practice_editors(report.practice):
        try:
            with translation.override(user_language(user)):
                context = {"report": report, "practice": report.practice, "queue_url": queue_url}
                subject = gettext("Adoption report on “%(title)s”") % {"title": report.practice.title}
                body = render_to_string("practices/emails/adoption_report_notice.txt", context)
            sent += send_mail(subject, body, None, [user.email])
        except Exception:  # noqa: BLE001 - any mail error: the report is stored, moderators see it in the queue
            logger.exception("Could not tell an editor about adoption report %s", report.pk)
    return sent


def submit(form, practice, language):
    """Store the report (held) and mail the editors once it is committed."""
    with transaction.atomic():
        report = form.save(source_practice(practice), language)
        transaction.on_commit(lambda: notify_editors(report))
    return report
