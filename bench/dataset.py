"""The benchmark dataset: the demo site plus thousands of generated pages, built in bulk.

Run inside a Django process with `bench.settings` (the orchestrator does that):

    python -m bench.dataset status      # JSON: what the database holds
    python -m bench.dataset generate    # add the generated pages that are missing

Generated pages are clones of the demo's own pages (so every StreamField, rich text and
relation is valid and renders like real content) with varied titles, summaries and dates.
They are written with `bulk_create` on `wagtailcore_page` (paths, depth, url_path, locale and
translation_key computed here, as treebeard and Page.save would) and one bulk insert into
the specific table, instead of `add_child` per page. Per family, in one transaction:

* 60 % Finnish originals under the Finnish index page;
* 10 % per other locale (sv, en): real translations, cloned from the demo page's own
  Swedish/English translation, with the Finnish clone's translation_key;
* 10 % per other locale: aliases of Finnish clones (`alias_of`), as wagtail-localize's
  synchronisation creates for pages not yet translated.

Every generated page is live, public and indexed for search with the backend's `add_bulk`.
No revisions are written (the admin creates one on first edit).
"""

import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta

SLUG_PREFIX = "bench-"
LANGUAGES = ["fi", "sv", "en"]
SHARE_FI, SHARE_TRANSLATED, SHARE_ALIAS = 0.6, 0.1, 0.1  # translated/alias shares per other locale
MATERIAL_LANGUAGES = 14

WORDS = {
    "fi": ("kotoutuminen kotoutumisen maahanmuuttajille kunnan työllisyys kielikoulutus ohjaus neuvonta "
           "perheiden nuorten naisten opiskelu mentorointi vertaistuki järjestöjen yhteistyö arviointi "
           "osallisuus asuminen terveys hyvinvointi alkukartoitus ammatillinen vapaaehtoinen").split(),
    "sv": ("integration invandrare kommunen sysselsättning språkutbildning vägledning rådgivning familjer "
           "ungdomar kvinnor studier mentorskap kamratstöd organisationer samarbete utvärdering delaktighet "
           "boende hälsa välfärd kartläggning yrke frivillig").split(),
    "en": ("integration immigrants municipality employment language training guidance counselling families "
           "youth women studies mentoring peer support organisations cooperation evaluation participation "
           "housing health wellbeing assessment profession volunteer").split(),
}


def families():
    """(key, label, page model, index model, target pages across the three locales)."""
    from django.apps import apps

    wanted = [
        ("practices", "practice model pages", "practices.PracticeModelPage", "practices.PracticeIndexPage", 10_000),
        ("blog", "blog posts", "blog.BlogPage", "blog.BlogIndexPage", 2_000),
        ("materials", "material pages", "materials.MaterialPage", "materials.MaterialIndexPage", 1_000),
    ]
    scale = float(os.environ.get("BENCH_SCALE", "1"))  # a smaller bulk dataset, e.g. for the query-budget test
    found = []
    for key, label, model, index, target in wanted:
        try:
            found.append((key, label, apps.get_model(model), apps.get_model(index), max(5, round(target * scale))))
        except LookupError:
            print(f"note: {model} does not exist in this tree; skipped", file=sys.stderr)
    return found


def split(target):
    translated = round(target * SHARE_TRANSLATED)
    aliases = round(target * SHARE_ALIAS)
    return target - 2 * translated - 2 * aliases, translated, aliases


def database_version():
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    return connection.vendor


def status():
    from django.db.models import Count
    from wagtail.models import Page

    result = {"pages": Page.objects.count(), "database": database_version(), "families": {}}
    for key, label, model, _index, target in families():
        generated = model.objects.filter(slug__startswith=SLUG_PREFIX)
        by_locale = {
            row["locale__language_code"]: row["n"]
            for row in generated.order_by().values("locale__language_code").annotate(n=Count("pk"))
        }
        result["families"][key] = {
            "label": label,
            "target": target,
            "generated": sum(by_locale.values()),
            "aliases": generated.filter(alias_of__isnull=False).count(),
            "by_locale": by_locale,
            "all": model.objects.count(),
        }
        if key == "materials":
            from materials.models import MaterialVersion

            result["families"][key]["versions"] = MaterialVersion.objects.count()
    return result


# --- building rows -----------------------------------------------------------------------------------

PAGE_TREE_FIELDS = {"id", "path", "depth", "numchild", "url_path", "latest_revision_id", "live_revision_id",
                    "latest_revision_created_at", "locked", "locked_at", "locked_by_id", "alias_of_id"}


class TreeWriter:
    """Hands out child paths under one parent, as treebeard's MP_Node would, without a query per page."""

    def __init__(self, parent):
        from wagtail.models import Page

        self.parent = parent
        last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
        self.step = Page._str2int(last.path[-Page.steplen:]) if last else 0
        self.added = 0

    def next_path(self):
        from wagtail.models import Page

        self.step += 1
        self.added += 1
        return Page._get_path(self.parent.path, self.parent.depth + 1, self.step)

    def finish(self):
        from django.db.models import F
        from wagtail.models import Page

        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)


def clone(model, template, **changes):
    """An unsaved instance of `model` with the template's concrete values and the changes."""
    values = {f.attname: getattr(template, f.attname) for f in model._meta.concrete_fields}
    for name in PAGE_TREE_FIELDS:
        values.pop(name, None)
    values.pop("page_ptr_id", None)
    values.update(changes)
    return model(**values)


def insert_pages(model, objs):
    """bulk_create the wagtailcore_page rows, then insert the specific rows with those ids."""
    from wagtail.models import Page

    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    bases = [Page(**{name: getattr(obj, name) for name in base_fields}) for obj in objs]
    Page.objects.bulk_create(bases, batch_size=500)
    for obj, base in zip(objs, bases, strict=True):
        obj.id = obj.page_ptr_id = base.id
    local = [f for f in model._meta.local_concrete_fields]
    for start in range(0, len(objs), 500):
        model._base_manager._insert(objs[start:start + 500], fields=local)
    return objs


def title_suffix(rng, language, number):
    words = rng.sample(WORDS[language], 2)
    return f"{words[0]} {words[1]} {number}"


def generate_family(key, model, index_model, target, rng, out):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    existing = model.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if existing >= target:
        out(f"{key}: {existing} generated pages present, reused")
        return []
    if existing:
        out(f"{key}: only {existing} of {target} present (interrupted run?); adding the rest is not supported, "
            "delete the database to regenerate")
        return []

    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    fi_index = index_model.objects.get(locale=locales["fi"], alias_of__isnull=True)
    indexes = {"fi": fi_index}
    for code in ("sv", "en"):
        indexes[code] = index_model.objects.get(locale=locales[code], translation_key=fi_index.translation_key)
    templates = list(
        model.objects.child_of(fi_index).filter(alias_of__isnull=True).exclude(slug__startswith=SLUG_PREFIX)
        .order_by("path")
    )
    if not templates:
        out(f"{key}: no demo {model.__name__} to clone under {fi_index.url_path}; skipped")
        return []
    translations = {
        (page.translation_key, page.locale_id): page
        for page in model.objects.filter(translation_key__in=[t.translation_key for t in templates],
                                         alias_of__isnull=True)
    }
    n_fi, n_translated, n_aliases = split(target)
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    started = time.perf_counter()
    out(f"{key}: creating {n_fi} fi + {n_translated} translations and {n_aliases} aliases in each of sv, en "
        f"(cloned from {len(templates)} demo pages)")

    with transaction.atomic():
        writers = {code: TreeWriter(indexes[code]) for code in LANGUAGES}
        fi_pages, pairs = [], []  # pairs: (generated page, its template) for relations
        for number in range(n_fi):
            template = templates[number % len(templates)]
            title = f"{template.title}: {title_suffix(rng, 'fi', number)}"
            slug = f"{SLUG_PREFIX}{number}"
            published = now - timedelta(days=rng.randint(0, 5 * 365), minutes=rng.randint(0, 1440))
            page = clone(
                model, template, title=title[:255], draft_title=title[:255], slug=slug,
                path=writers["fi"].next_path(), depth=fi_index.depth + 1, numchild=0,
                url_path=f"{fi_index.url_path}{slug}/", translation_key=uuid.uuid4(), locale_id=locales["fi"].pk,
                content_type_id=content_type.pk, live=True, has_unpublished_changes=False,
                first_published_at=published, last_published_at=published,
                latest_revision_created_at=None, owner_id=None,
            )
            customise(key, page, rng, published, number)
            fi_pages.append(page)
            pairs.append((page, template))
        insert_pages(model, fi_pages)

        others = []
        for code in ("sv", "en"):
            index = indexes[code]
            for offset, page in enumerate(fi_pages[: n_translated + n_aliases]):
                template = pairs[offset][1]
                translated = offset < n_translated
                source = translations.get((template.translation_key, locales[code].pk)) if translated else None
                if translated and source is None:
                    source = template  # the demo page has no translation: the clone stays Finnish text
                if translated:
                    title = f"{source.title}: {title_suffix(rng, code, offset)}"
                    copy = clone(model, source, title=title[:255], draft_title=title[:255])
                    copy_fields(key, copy, page)
                else:
                    copy = clone(model, page, alias_of_id=page.pk)
                copy.slug = page.slug
                copy.path = writers[code].next_path()
                copy.depth = index.depth + 1
                copy.numchild = 0
                copy.url_path = f"{index.url_path}{page.slug}/"
                copy.translation_key = page.translation_key
                copy.locale_id = locales[code].pk
                copy.content_type_id = content_type.pk
                copy.live, copy.has_unpublished_changes = True, False
                copy.first_published_at = copy.last_published_at = page.first_published_at
                others.append(copy)
                pairs.append((copy, pairs[offset][1]))
        insert_pages(model, others)
        for writer in writers.values():
            writer.finish()
        add_relations(key, model, pairs, rng)
    out(f"{key}: {len(fi_pages) + len(others)} pages written in {time.perf_counter() - started:.1f} s")
    return [page.pk for page in fi_pages + others]


def customise(key, page, rng, published, number):
    """Family-specific values that vary per generated page."""
    if key == "blog":
        page.date = published.date()
        page.kind = "news" if number % 3 == 0 else "blog"
        page.comments_enabled = False  # closed threads, as almost all old posts; no per-visitor form
    elif key == "practices":
        page.short_description = f"{page.short_description} ({number})"
    elif key == "materials":
        page.year = 2010 + number % 16
        page.series_id = None
        page.series_position = None


def copy_fields(key, translation, source_clone):
    """Synchronised fields a translation shares with its (generated) source."""
    translation.listing_image_id = source_clone.listing_image_id
    if key == "blog":
        translation.date = source_clone.date
        translation.kind = source_clone.kind
        translation.comments_enabled = source_clone.comments_enabled
    elif key == "materials":
        translation.year = source_clone.year
        translation.series_id = None
        translation.series_position = None


def add_relations(key, model, pairs, rng):
    """Many-to-many and child rows, copied from each page's template (materials: 14 versions each)."""
    if key in ("practices", "materials"):
        for name in ("themes", "target_groups"):
            if name not in {f.name for f in model._meta.many_to_many}:
                continue
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source_column = field.m2m_field_name()
            target_column = field.m2m_reverse_field_name()
            template_ids = {template.pk for _page, template in pairs}
            by_template = {}
            for row in through.objects.filter(**{f"{source_column}_id__in": template_ids}):
                by_template.setdefault(getattr(row, f"{source_column}_id"), []).append(
                    getattr(row, f"{target_column}_id"))
            through.objects.bulk_create(
                [through(**{f"{source_column}_id": page.pk, f"{target_column}_id": target})
                 for page, template in pairs for target in by_template.get(template.pk, [])],
                batch_size=1000,
            )
    if key == "blog":
        from blog.models import BlogPageAuthor, BlogPageTag

        template_ids = {template.pk for _page, template in pairs}
        authors, tags = {}, {}
        for row in BlogPageAuthor.objects.filter(page_id__in=template_ids):
            authors.setdefault(row.page_id, []).append(row)
        for row in BlogPageTag.objects.filter(content_object_id__in=template_ids):
            tags.setdefault(row.content_object_id, []).append(row.tag_id)
        BlogPageAuthor.objects.bulk_create(
            [BlogPageAuthor(page_id=page.pk, person_id=row.person_id, sort_order=row.sort_order)
             for page, template in pairs for row in authors.get(template.pk, [])], batch_size=1000)
        BlogPageTag.objects.bulk_create(
            [BlogPageTag(content_object_id=page.pk, tag_id=tag)
             for page, template in pairs for tag in tags.get(template.pk, [])], batch_size=1000)
    if key == "materials":
        from materials.languages import LANGUAGE_CHOICES
        from materials.models import MaterialVersion

        languages = [code for code, _label in LANGUAGE_CHOICES][:MATERIAL_LANGUAGES]
        versions = []
        for page, _template in pairs:
            for position, language in enumerate(languages):
                versions.append(MaterialVersion(
                    material_id=page.pk, sort_order=position, language=language,
                    title=f"{page.title[:200]} ({language})",
                    video_url=f"https://www.youtube.com/watch?v=bench{page.pk % 100000:05d}{position:02d}",
                    duration=timedelta(seconds=rng.randint(60, 1800)),
                ))
        MaterialVersion.objects.bulk_create(versions, batch_size=1000)


def index_pages(model, ids, out):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    started = time.perf_counter()
    for start in range(0, len(ids), 500):
        chunk = list(model.get_indexed_objects().filter(pk__in=ids[start:start + 500]))
        backend.add_bulk(model, chunk)
    out(f"  indexed {len(ids)} {model.__name__} for search in {time.perf_counter() - started:.1f} s")


def generate(seed=10):
    rng = random.Random(seed)  # noqa: S311 - test data, not security

    def out(message):
        print(message, flush=True)

    for key, _label, model, index_model, target in families():
        ids = generate_family(key, model, index_model, target, rng, out)
        if ids:
            index_pages(model, ids, out)


def main(argv):
    import django

    django.setup()
    command = argv[1] if len(argv) > 1 else "status"
    if command == "generate":
        generate()
    print(json.dumps(status()))


if __name__ == "__main__":
    main(sys.argv)
