"""What `load_demo_content` built: counts of every kind of object, and the page tree per language.

Run against a demo database in a fresh process (`python -m tests.demo_inventory`, with
DJANGO_SETTINGS_MODULE and DATABASE_URL set): the demo site is built once per test run in
its own SQLite file, apart from the test database. Prints JSON.
`tests/demo_inventory.json` is the record the demo must keep building; see test_demo_content.py.
"""

import json
from collections import Counter

SEARCH_INDEX_MODELS = {"search.IndexedText", "search.IndexedWord"}
PROJECT_APPS = ("cms", "home", "practices", "materials", "blog", "events", "subscriptions", "search")


def count_by_locale(queryset):
    counts = Counter(queryset.values_list("locale__language_code", flat=True))
    return dict(sorted(counts.items()))


def inventory():
    from django.apps import apps
    from django.contrib.auth import authenticate, get_user_model
    from django.contrib.auth.models import Group
    from django_comments_xtd.models import XtdComment
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, ReferenceIndex, Site, TranslatableMixin
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from cms.models import SiteSettings

    pages = Page.objects.filter(depth__gt=1)
    page_types = {}
    for page in pages.filter(alias_of__isnull=True).select_related("content_type", "locale"):
        label = f"{page.content_type.app_label}.{page.content_type.model}"
        per_locale = page_types.setdefault(label, {})
        per_locale[page.locale.language_code] = per_locale.get(page.locale.language_code, 0) + 1
    page_types = {label: dict(sorted(counts.items())) for label, counts in sorted(page_types.items())}
    tree = {}
    for url_path, language, live, alias_of in pages.order_by("path").values_list(
        "url_path", "locale__language_code", "live", "alias_of"
    ):
        label = url_path + (" (alias)" if alias_of else "") + ("" if live else " (draft)")
        tree.setdefault(language, []).append(label)
    snippets = {
        model._meta.label: count_by_locale(model.objects.all())
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    }
    # Everything else the project's apps store (language versions, authors, assessments...),
    # but not the search index, which is derived from the rest (search.models).
    other = {
        model._meta.label: model.objects.count()
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, Page | TranslatableMixin) and model._meta.label not in SEARCH_INDEX_MODELS
    }
    User = get_user_model()
    comments = XtdComment.objects.all()
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    return {
        "page_types": page_types,
        "aliases": count_by_locale(pages.filter(alias_of__isnull=False)),
        "drafts": pages.filter(live=False).count(),
        "tree": tree,
        "snippets": dict(sorted(snippets.items())),
        "other": dict(sorted(other.items())),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
        "comments": {"public": comments.filter(is_public=True).count(), "held": comments.filter(is_public=False).count()},
        "references": ReferenceIndex.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "users": sorted(User.objects.values_list("username", flat=True)),
        # The stored names: `Group.name` reads in the active language (cms/translated_names.py).
        "groups": {
            name: sorted(User.objects.filter(groups__pk=pk).values_list("username", flat=True))
            for pk, name in Group.objects.order_by("name").values_list("pk", "name")
        },
        "admin_login": authenticate(username="admin", password="admin") is not None,
        "site": {
            "root": site.root_page.url_path,
            "hostname": site.hostname,
            "contact_email": site_settings.contact_email,
            "accessibility_statement_page": getattr(site_settings.accessibility_statement_page, "url_path", None),
            "comment_policy_page": getattr(site_settings.comment_policy_page, "url_path", None),
        },
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(inventory(), indent=1, ensure_ascii=False, sort_keys=False))
