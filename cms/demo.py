"""The demo site's toolkit: read the apps' data files and build what they describe.

Demo content is data: each app keeps it in `<app>/demo_data/*.yaml` (long prose beside
it in `<name>.<language>.html`). `load_demo_content` reads every file, in the order of
its `order:` key, and builds its sections in phases across all files:

1. `documents` (small PDFs and WebVTT subtitles) and `images` (drawn here with Pillow),
2. `snippets` (`{model label: {key: fields}}`),
3. `pages` (a tree: each entry names its `model`, its `parent` or its place under
   another entry's `children`),
4. `links` (snippets that point at pages: menus, footers) and `settings`
   (site settings, filled where empty),
5. any other section, handed to the function of that name in `<app>/demo.py`
   (the panel's assessments, blog comments...).

A text in the three site languages is a mapping `{fi: …, sv: …, en: …}`; any other value
is the same in every language. Tags point at what other entries made: `!page <Finnish
slug>`, `!snippet <model>:<key>`, `!document <key>`, `!image <key>`, `!alt <image key>`
(that image's alternative text), `!html <name>` (blocks from the HTML files), `!today N`
(a date N days from today), `!now N` (this hour, N days from now), `!at N HH:MM` (that
time of day in the site's time zone, N days from today: an event's start). A page entry with
`for_each:` is a template, expanded once per row: `{name}` in its strings is the row's
value (a whole-value `"{name}"` keeps the row value's type); a list item
`{for_each: rows, each: template}` stands for one item per row.

Finnish pages and snippets are created first; their Swedish and English versions are made
through wagtail-localize itself (translation source, string translations, `save_target`),
so they look to translators like translations made in the editor.

Everything is idempotent: objects are found by a stable key (slug under a parent, a
natural key, a title) and left alone when they exist.
"""

import datetime
import importlib
import io
import math
import random
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw
from taggit.managers import TaggableManager
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.synctree import create_aliases_for_new_page

LANGUAGES = ("fi", "sv", "en")
TARGET_LANGUAGES = ("sv", "en")
DEMO_NAMESPACE = uuid.UUID("6f1c1a52-6a3e-4d55-9f0a-2c1de8b0c0de")
GENERIC_SECTIONS = ("order", "definitions", "image_vocabulary", "documents", "images", "snippets", "pages", "links", "settings")


# --- Reading the data files -------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A `!page`, `!snippet`, `!document`, `!image` or `!alt` tag: an object made by another entry."""

    kind: str
    key: str


@dataclass(frozen=True)
class Relative:
    """`!today N`, `!now N` or `!at N HH:MM`: a date, an hour or a time of day N days from the load."""

    kind: str
    days: int
    time_of_day: datetime.time | None = None

    @classmethod
    def at(cls, text):
        days, _, clock = text.partition(" ")
        return cls("at", int(days), datetime.time.fromisoformat(clock.strip()))

    def value(self):
        if self.kind == "today":
            return timezone.localdate() + datetime.timedelta(days=self.days)
        if self.kind == "at":
            day = timezone.localdate() + datetime.timedelta(days=self.days)
            return timezone.make_aware(datetime.datetime.combine(day, self.time_of_day))
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        return now + datetime.timedelta(days=self.days)


@dataclass(frozen=True)
class Html:
    """`!html name`: blocks read from `name.<language>.html` beside the data file."""

    path: Path

    def blocks(self, language):
        """`<h2>`/`<h3>` become heading blocks; what lies between them, one paragraph block."""
        html = self.path.with_name(f"{self.path.name}.{language}.html").read_text()
        parts = re.split(r"<(h[23])>(.*?)</\1>", html.strip(), flags=re.S)
        blocks = [{"paragraph": parts[0].strip()}] if parts[0].strip() else []
        for index in range(1, len(parts), 3):
            level, text, after = parts[index : index + 3]
            blocks.append({"heading": {"text": text.strip(), "level": level}})
            if after.strip():
                blocks.append({"paragraph": after.strip()})
        return blocks


def data_loader(folder):
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        pass

    for kind in ("page", "snippet", "document", "image", "alt"):
        Loader.add_constructor(f"!{kind}", lambda loader, node, kind=kind: Ref(kind, loader.construct_scalar(node)))
    for kind in ("today", "now"):
        Loader.add_constructor(f"!{kind}", lambda loader, node, kind=kind: Relative(kind, int(loader.construct_scalar(node))))
    Loader.add_constructor("!at", lambda loader, node: Relative.at(loader.construct_scalar(node)))
    Loader.add_constructor("!html", lambda loader, node: Html(folder / loader.construct_scalar(node)))
    return Loader


@dataclass
class DataFile:
    app_label: str
    path: Path
    data: dict


def data_files():
    """Every app's `demo_data/*.yaml`, in the order their `order:` keys give."""
    found = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "demo_data"
        for path in sorted(folder.glob("*.yaml")):
            with open(path) as stream:
                found.append(DataFile(app_config.label, path, yaml.load(stream, Loader=data_loader(folder))))  # noqa: S506 - a safe loader with our own tags
    return sorted(found, key=lambda file: file.data.get("order", 100))


def is_text(value):
    return isinstance(value, dict) and value.keys() == set(LANGUAGES)


# --- The build context: what entries made, by key ---------------------------------------------


class Progress:
    """Prints what the command does, one line per object, so a long run shows where it is."""

    def __init__(self, write):
        self.write = write
        self.created = 0
        self.existing = 0

    def __call__(self, obj, created):
        if created:
            self.created += 1
        else:
            self.existing += 1
        self.write(f"  {'created ' if created else 'exists  '} {obj._meta.verbose_name}: {obj}")


@dataclass
class DemoContext:
    user: object
    progress: Progress
    objects: dict = field(default_factory=dict)
    alt_texts: dict = field(default_factory=dict)

    def get(self, ref):
        if ref.kind == "alt":
            return self.alt_texts[ref.key]
        try:
            return self.objects[f"{ref.kind}:{ref.key}"]
        except KeyError:
            raise KeyError(f"!{ref.kind} {ref.key}: no earlier entry made it") from None

    def resolve(self, spec, language, row=None):
        """`spec` in `language`: texts picked, tags replaced by their objects, row values filled in."""
        if is_text(spec):
            return self.resolve(spec[language], language, row)
        if isinstance(spec, Ref):
            return self.resolve(self.get(spec), language)
        if isinstance(spec, Relative):
            return spec.value()
        if isinstance(spec, Html):
            return spec.blocks(language)
        if isinstance(spec, dict):
            return {key: self.resolve(value, language, row) for key, value in spec.items()}
        if isinstance(spec, list):
            items = []
            for value in spec:
                if isinstance(value, dict) and "for_each" in value:
                    items.extend(self.expand(value, language))
                elif isinstance(value, Html):  # stands for several blocks
                    items.extend(self.resolve(value, language))
                else:
                    items.append(self.resolve(value, language, row))
            return items
        if isinstance(spec, str) and row is not None and "{" in spec:
            whole = re.fullmatch(r"\{(\w+)\}", spec)
            if whole:
                return self.resolve(row[whole.group(1)], language)
            return spec.format_map({name: self.resolve(value, language) for name, value in row.items()})
        return spec


    def expand(self, generator, language):
        """`{for_each: rows, each: template}`: one item per row, the row's own fields over the template's.

        A row is a mapping or a single value (`{item}`); `{index}` is its position.
        """
        items = []
        for index, item in enumerate(generator["for_each"]):
            row = {"index": index, **(item if isinstance(item, dict) else {"item": item})}
            own = {name: value for name, value in row.items() if name not in ("index", "item")}
            items.append({**self.resolve(generator["each"], language, row), **self.resolve(own, language)})
        return items


# --- Generated files: documents and images ----------------------------------------------------


def pdf(text):
    """A one-page PDF that shows `text`: a few hundred bytes, written by hand, no library needed."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")
    content = b"BT /F1 16 Tf 72 770 Td (" + escaped + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def webvtt(lines):
    """Subtitles showing each line for two seconds."""
    cues = [f"00:00:{2 * i:02}.000 --> 00:00:{2 * i + 2:02}.000\n{line}" for i, line in enumerate(lines)]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


def add_document(ctx, key, spec):
    """A document found by title, else made: a PDF showing its title, or subtitles from `subtitles` lines."""
    Document = get_document_model()
    title = spec["title"]
    document = Document.objects.filter(title=title).first()
    created = document is None
    if created:
        if "subtitles" in spec:
            name, content = f"{key}.vtt", webvtt(spec["subtitles"])
        else:
            name, content = f"{key}.pdf", pdf(spec.get("text", title))
        document = Document(title=title, file=ContentFile(content, name=name))
        document._set_document_file_metadata()
        document.save()
    ctx.progress(document, created)
    ctx.objects[f"document:{key}"] = document


IMAGE_SIZE = (1200, 675)


def draw_image(key, motif, colours):
    """An abstract illustration (JPEG bytes): the same key, motif and colours give the same bytes."""
    rng = random.Random(key)
    background, *inks = colours
    image = PillowImage.new("RGB", IMAGE_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = IMAGE_SIZE
    if motif == "network":
        points = [(rng.randint(120, width - 120), rng.randint(100, height - 100)) for _ in range(9)]
        for index, point in enumerate(points):
            for other in points[index + 1 : index + 3]:
                draw.line([point, other], fill=inks[0], width=8)
        for index, (x, y) in enumerate(points):
            radius = rng.randint(30, 70)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=inks[index % len(inks)])
    elif motif == "path":
        for band in range(5):
            middle, amplitude, phase = height * (band + 1) // 6, rng.randint(20, 70), rng.random() * 6.3
            points = [(x, middle + int(amplitude * math.sin(x / 170 + phase))) for x in range(0, width + 21, 20)]
            draw.line(points, fill=inks[band % len(inks)], width=rng.randint(24, 48), joint="curve")
    elif motif == "bubbles":
        for index in range(7):
            x, y = rng.randint(40, width - 360), rng.randint(40, height - 220)
            draw.rounded_rectangle([x, y, x + rng.randint(200, 320), y + rng.randint(110, 180)], radius=40, fill=inks[index % len(inks)])
    elif motif == "houses":
        for index in range(6):
            x, size = 60 + index * 190, rng.randint(110, 170)
            base = height - 80
            draw.rectangle([x, base - size, x + size, base], fill=inks[index % len(inks)])
            draw.polygon([(x - 15, base - size), (x + size // 2, base - size - size // 2), (x + size + 15, base - size)], fill=inks[(index + 1) % len(inks)])
    else:  # "circles"
        for index in range(12):
            x, y, radius = rng.randint(0, width), rng.randint(0, height), rng.randint(40, 180)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=inks[index % len(inks)])
    output = io.BytesIO()
    image.save(output, "JPEG", quality=80, optimize=True)
    return output.getvalue()


def add_image(ctx, key, spec, vocabulary):
    """A Wagtail image drawn from `spec` (`motif`, `colours`); its alt text says what it shows.

    The alt text is the motif's and the colours' description in each language, unless
    `alt` gives one. It is kept for `!alt` (blocks and fields that hold alt text per
    language) and, in Finnish, as the image's own description.
    """
    motif, colours = spec["motif"], spec["colours"]
    alt = spec.get("alt") or {
        language: vocabulary["alt"][language].format(
            motif=vocabulary["motifs"][motif][language], colours=vocabulary["colours"][colours]["names"][language]
        )
        for language in LANGUAGES
    }
    ctx.alt_texts[key] = alt
    Image = get_image_model()
    image = Image.objects.filter(title=key).first()
    created = image is None
    if created:
        content = draw_image(key, motif, vocabulary["colours"][colours]["rgb"])
        image = Image(title=key, description=alt["fi"], file=ContentFile(content, name=f"{key}.jpg"))
        image._set_image_file_metadata()
        image.save()
    ctx.progress(image, created)
    ctx.objects[f"image:{key}"] = image


# --- Model instances from specs ---------------------------------------------------------------


def stable_ids(data, key, path="0"):
    """Give every block and list item an id derived from its place, the same in each language and run."""
    if isinstance(data, list):
        return [stable_ids(item, key, f"{path}.{index}") for index, item in enumerate(data)]
    if isinstance(data, dict):
        result = {name: stable_ids(value, key, f"{path}.{name}") for name, value in data.items()}
        if {"type", "value", "id"} <= result.keys():
            result["id"] = str(uuid.uuid5(DEMO_NAMESPACE, f"{key}:{path}"))
        return result
    return data


def primary_keys(data):
    """Objects in block data become their primary keys, as choosers store them."""
    if isinstance(data, models.Model):
        return data.pk
    if isinstance(data, dict):
        return {name: primary_keys(value) for name, value in data.items()}
    if isinstance(data, list):
        return [primary_keys(value) for value in data]
    return data


def stream_data(stream_field, blocks, key):
    """StreamField data from a list of one-key mappings `{block type: value}`."""
    raw = [{"type": block_type, "value": primary_keys(value)} for block in blocks for block_type, value in block.items()]
    value = stream_field.stream_block.to_python(raw)
    list(value)  # bind every block: a lazy StreamValue would hand its raw data back unconverted
    return stable_ids(value.get_prep_value(), key)


def build(model, fields, key):
    """An unsaved `model` instance from resolved `fields`: streams, child objects and tags included."""
    values = {}
    for name, value in fields.items():
        model_field = model._meta.get_field(name)
        if isinstance(model_field, StreamField):
            values[name] = stream_data(model_field, value, f"{key}:{name}")
        elif isinstance(model_field, TaggableManager):
            through = model_field.remote_field.through
            tag_model = model_field.remote_field.model
            relation = through._meta.get_field("content_object").remote_field.related_name
            values[relation] = [through(tag=tag_model.objects.get_or_create(name=tag)[0]) for tag in value]
        elif model_field.one_to_many:  # inline child objects (ParentalKey)
            values[name] = [build(model_field.related_model, child, f"{key}:{name}:{index}") for index, child in enumerate(value)]
        elif model_field.is_relation:
            values[name] = value
        else:  # "00:05:30" for a duration, "2019-03-14" for a date
            values[name] = model_field.to_python(value)
    return model(**values)


# --- Pages, snippets and their translations ---------------------------------------------------


def page_fields(ctx, spec, language, row):
    fields = ctx.resolve(spec, language, row)
    fields.setdefault("slug", slugify(fields["title"]))
    return fields


def add_page(ctx, parent, model, spec, row=None):
    """Create a Finnish page from `spec` under `parent` unless its slug exists, then translate it."""
    fi_fields = page_fields(ctx, spec, "fi", row)
    key = f"page:{fi_fields['slug']}"
    existing = parent.get_children().filter(slug=fi_fields["slug"]).first()
    if existing is not None:
        ctx.progress(existing, False)
        ctx.objects[key] = existing.specific
        return existing.specific
    page = build(model, fi_fields, key)
    parent.add_child(instance=page)
    page.save_revision(user=ctx.user, log_action=True).publish(user=ctx.user)
    page.refresh_from_db()
    # What the admin does after creating a page: mirror it into the synced locales.
    create_aliases_for_new_page(page)
    ctx.progress(page, True)
    ctx.objects[key] = page
    for language in TARGET_LANGUAGES:
        translate_object(page, language, build(model, page_fields(ctx, spec, language, row), key), user=ctx.user)
    return page


def add_pages(ctx, entries, parent=None):
    """The `pages` section: a tree of entries (`model`, `parent` or nesting, `children`, `for_each`)."""
    for entry in entries:
        spec = dict(entry)
        model = apps.get_model(spec.pop("model"))
        where = spec.pop("parent", None)
        under = Page.get_first_root_node() if where == "root" else ctx.get(where) if where else parent
        children = spec.pop("children", [])
        site_root = spec.pop("site_root", False)
        for row in spec.pop("for_each", [None]):
            page = add_page(ctx, under, model, spec, row)
        if site_root:
            make_site_root(page)
        add_pages(ctx, children, page)


def site_address():
    """(hostname, port) of WAGTAILADMIN_BASE_URL: where `make run` serves the demo (HOST, PORT)."""
    from urllib.parse import urlsplit

    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def make_site_root(home):
    """The Finnish home page becomes the default site's root, at the address the demo is served on
    (what e-mails and commands without a request link to); Wagtail's welcome page goes."""
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        return
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    if site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()


def snippet_lookup(model, key, spec):
    """How a snippet is found again: by slug, by a plain-text name, or as the model's only object."""
    field_names = {model_field.name for model_field in model._meta.get_fields()}
    if "slug" in field_names:
        return {"slug": spec.get("slug", key)}
    if isinstance(spec.get("name"), str):
        return {"name": spec["name"]}
    return {}


def add_snippet(ctx, model, key, spec):
    """Create a Finnish snippet unless it exists, then translate it through wagtail-localize."""
    lookup = snippet_lookup(model, key, spec)
    spec = {**lookup, **spec}
    registry_key = f"snippet:{model._meta.model_name}:{key}"
    existing = model.objects.filter(locale=Locale.get_default(), **lookup).first()
    if existing is not None:
        ctx.progress(existing, False)
        ctx.objects[registry_key] = existing
        return existing
    obj = build(model, ctx.resolve(spec, "fi"), registry_key)
    obj.locale = Locale.get_default()
    obj.save()
    if hasattr(obj, "save_revision"):
        revision = obj.save_revision(user=ctx.user)
        if hasattr(obj, "live"):
            revision.publish(user=ctx.user)
    ctx.progress(obj, True)
    ctx.objects[registry_key] = obj
    for language in TARGET_LANGUAGES:
        translate_object(obj, language, build(model, ctx.resolve(spec, language), registry_key), user=ctx.user)
    return obj


def add_snippets(ctx, section):
    for label, entries in section.items():
        for key, spec in entries.items():
            add_snippet(ctx, apps.get_model(label), key, spec)


def fill_settings(ctx, section):
    """Site settings: each field given is set where the site has none yet (editors' choices stay)."""
    site = Site.objects.get(is_default_site=True)
    for label, spec in section.items():
        settings = apps.get_model(label).for_site(site)
        empty = {name: value for name, value in ctx.resolve(spec, "fi").items() if not getattr(settings, name)}
        for name, value in empty.items():
            setattr(settings, name, value)
        if empty:
            settings.save()


def translate_object(source_instance, language, translated_instance, *, user=None, publish=True):
    """Translate `source_instance` into `language` the way a translator would in wagtail-localize.

    `translated_instance` is an unsaved object of the same model and structure carrying
    the target-language values. Its string segments are matched to the source's in
    order, stored as manual string translations, and the translation is saved and
    published with `save_target`.
    """
    locale = Locale.objects.get(language_code=language)
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    source_segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    )
    target_texts = [
        segment.string.data for segment in extract_segments(translated_instance) if isinstance(segment, StringSegmentValue)
    ]
    if len(source_segments) != len(target_texts):
        raise ValueError(
            f"{source_instance!r} has {len(source_segments)} strings but its {language} "
            f"version has {len(target_texts)}: the demo texts must have the same structure."
        )
    for segment, text in zip(source_segments, target_texts, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    with transaction.atomic():
        translation.save_target(user=user, publish=publish)
    return source_instance.get_translation(locale)


# --- The whole build --------------------------------------------------------------------------


def hook(app_label, section):
    """`<app>/demo.py`'s function for a section the generic phases do not know."""
    module = importlib.import_module(f"{apps.get_app_config(app_label).name}.demo")
    return getattr(module, section)


def load_all(ctx, write_heading=lambda text: None):
    files = data_files()
    vocabulary = next((file.data["image_vocabulary"] for file in files if "image_vocabulary" in file.data), None)
    phases = [
        ("documents", lambda section: [add_document(ctx, key, spec) for key, spec in section.items()]),
        ("images", lambda section: [add_image(ctx, key, spec, vocabulary) for key, spec in section.items()]),
        ("snippets", lambda section: add_snippets(ctx, section)),
        ("pages", lambda section: add_pages(ctx, section)),
        ("links", lambda section: add_snippets(ctx, section)),
        ("settings", lambda section: fill_settings(ctx, section)),
    ]
    for name, build_section in phases:
        for file in files:
            if name in file.data:
                write_heading(f"{file.path.parent.parent.name}/{file.path.name}: {name}")
                build_section(file.data[name])
    for file in files:
        for name, section in file.data.items():
            if name not in GENERIC_SECTIONS:
                write_heading(f"{file.path.parent.parent.name}/{file.path.name}: {name}")
                hook(file.app_label, name)(ctx, section)
