"""The "Translations to update" admin view: the list for translators and editors, and syncing."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

from .translation_updates import (
    pending_updates,
    summary,
    sync_translation,
    translatable_locales,
    user_may_see_updates,
    user_may_sync,
)


class SyncForm(forms.Form):
    translation = forms.ModelMultipleChoiceField(queryset=Translation.objects.filter(enabled=True))
    use_machine_translation = forms.BooleanField(
        label=gettext_lazy("Fill the new strings with machine translation"), required=False
    )


class TranslationsToUpdateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/translations_to_update.html"
    page_title = gettext_lazy("Translations to update")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_updates(request.user):
            raise PermissionDenied
        self.locales = translatable_locales(request.user)
        chosen = request.GET.get("locale")
        self.shown_locales = [locale for locale in self.locales if locale.language_code == chosen] or self.locales
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        updates = pending_updates(self.request.user)
        shown = [update for update in updates if update.locale in self.shown_locales]
        return super().get_context_data(
            summary=summary(updates, self.locales),
            updates=shown,
            syncable=[update for update in shown if update.may_sync and update.changes],
            locales=self.locales,
            chosen_locale=self.shown_locales[0] if len(self.shown_locales) == 1 else None,
            machine_translation=get_machine_translator() is not None,
            sync_url=reverse("cms_translations_sync"),
            **kwargs,
        )


def sync_view(request):
    """Sync the chosen translations (one, or every one listed) the user may sync; POST only."""
    if request.method != "POST" or not user_may_see_updates(request.user):
        raise PermissionDenied
    form = SyncForm(request.POST)
    back = reverse("cms_translations_to_update") + (
        f"?locale={request.POST['locale']}" if request.POST.get("locale", "").isalpha() else ""
    )
    if not form.is_valid():
        messages.error(request, _("Choose the translations to sync."))
        return redirect(back)
    translations = form.cleaned_data["translation"].select_related("source", "target_locale")
    locales = translatable_locales(request.user)
    refused = [t for t in translations if not user_may_sync(request.user, t, t.get_target_instance(), locales)]
    if refused:
        raise PermissionDenied
    with transaction.atomic():
        for translation in translations:
            sync_translation(
                translation, request.user, machine_translate=form.cleaned_data["use_machine_translation"]
            )
    count = len(translations)
    messages.success(
        request,
        ngettext(
            "Synced %(count)d translation with its source: translate the new strings and publish.",
            "Synced %(count)d translations with their sources: translate the new strings and publish.",
            count,
        )
        % {"count": count},
    )
    return redirect(back)
