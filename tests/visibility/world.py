"""A site with content in every state a visitor must not see, built the way the admin builds it.

Pages are created as the admin's create view does (the page, its first revision, publish
or not, then the `after_create_page` hooks, through which wagtail-localize mirrors the
page into the Swedish and English trees as aliases), edited as its edit view does,
restricted as its privacy dialog does (a `PageViewRestriction`), translated through
wagtail-localize (`TranslationCreator`, string translations, `save_target`) and commented
through the post's own comment route, then moderated.

Every hidden thing carries unique words (its marker, in the title and the listing
summary, and its URL slug) that no channel may show. A visible control of each kind
(with a Swedish translation) shows that each channel does list what it should.
"""

import datetime
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory, TestCase
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail_localize.operations import TranslationCreator

from blog import moderation
from blog.models import BlogIndexPage, BlogPage
from cms.models import MainMenu, MenuItem
from cms.vocabulary import Region
from home.choices import CallRound, PilotTheme
from home.models import HomePage, PilotReportPage, ProjectPage, StandardPage
from materials.models import MaterialIndexPage, MaterialPage, MaterialVersion
from practices.models import PracticeIndexPage, PracticeModelPage
from tests.factories import UserFactory, translate_page
from tests.factories.practices import sections_data
from trainings.models import EventIndexPage, EventPage

SEARCH_WORD = "kotoutumisvisa"
KINDS = ("blog", "practice", "material", "pilot", "event")
# States of a Finnish page (its Swedish and English aliases follow it).
PAGE_STATES = (
    "draft",
    "scheduled",
    "scheduled_after_draft",
    "expired",
    "password",
    "login",
    "groups",
    "ancestor_restricted",
)
# States of a Swedish translation of a live Finnish page.
TRANSLATION_STATES = ("unpublished_translation", "translation_draft", "alias_translation_draft")
COMMENT_STATES = ("held_comment", "removed_comment", "comment_on_hidden_post")
STATES = PAGE_STATES + TRANSLATION_STATES + COMMENT_STATES
# Kinds whose parent can be restricted as a section (a second blog, a sub-project);
# practice and material indexes are one per site.
ANCESTOR_KINDS = ("blog", "pilot")


def camel(*words):
    return "".join(word.replace("_", " ").title().replace(" ", "") for word in words)


@dataclass
class Hidden:
    """Something a visitor must never see, and what would give it away."""

    state: str
    kind: str
    markers: list  # words in its title, summary or comment text
    slugs: list = field(default_factory=list)  # its URL slugs
    page_ids: list = field(default_factory=list)  # every page row carrying it (source, aliases, translation)
    comment_ids: list = field(default_factory=list)
    # A draft of a page that stays visible: the words its pages show instead of the draft's.
    live_words: list = field(default_factory=list)

    @property
    def name(self):
        return f"{self.state}-{self.kind}"


@dataclass
class World:
    home: dict  # language -> home page
    indexes: dict  # kind -> Finnish index (blog index, practice index, material registry, project page)
    links_page: StandardPage  # a visible page whose calls to action point at every hidden page
    hidden: list
    visible_markers: dict  # language -> words of visible content every listing channel shows
    alternates_pages: list  # visible pages whose hreflang and switcher could point at hidden ones
    user: object

    def items(self, state):
        return [item for item in self.hidden if item.state == state]


def admin_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def create_page(parent, page, user, *, publish=True):
    """What the admin's create view does on "Publish" (or "Save draft")."""
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    for hook in hooks.get_hooks("after_create_page"):
        hook(admin_request(user), page)
    return page


def publish_edit(page, user, **changes):
    """What the admin's edit view does on "Publish" with changed fields."""
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    if not page.live:
        page.save()
    page.save_revision(user=user, log_action=True).publish(user=user)
    return Page.objects.get(pk=page.pk).specific


def translate(page, language, texts, user, *, publish):
    """A translator's work in wagtail-localize: strings by field, then save (publish or draft)."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
        translated = translate_page(page, language, texts, publish=publish, user=user)
    return Page.objects.get(pk=translated.pk).specific


def create_home(user, hostname="localhost"):
    """The Finnish home page as the default site's root, and its published Swedish and English translations.

    The test database's own home tree (tests/conftest.py) when it has one."""
    from tests.conftest import existing_home

    found = existing_home()
    if found is not None:
        Site.objects.filter(is_default_site=True).update(hostname=hostname)
        return {page.locale.language_code: page.specific for page in found.get_translations(inclusive=True)}
    root = Page.get_first_root_node()
    home = HomePage(title="Etusivu", slug="etusivu", hero_heading="Tervetuloa")
    root.add_child(instance=home)
    home.save_revision(user=user).publish(user=user)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": hostname, "port": 80, "root_page": home})
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page").delete()
    homes = {"fi": home}
    for language, title in (("sv", "Startsida"), ("en", "Home")):
        homes[language] = translate(home, language, {"title": title, "hero_heading": title}, user, publish=True)
    return homes


def new_page(kind, token, slug, **extra):
    """An unsaved page of `kind` whose title and summary carry `token`."""
    common = {
        "title": f"{token} {SEARCH_WORD}",
        "slug": slug,
        "listing_summary": f"Tiivistelmä {token}",
    }
    common.update(extra)
    if kind == "blog":
        page = BlogPage(lead=f"Johdanto {token}", date=timezone.localdate() - datetime.timedelta(days=1), **common)
        page.tags.add(token.lower())
        return page
    if kind == "practice":
        return PracticeModelPage(
            short_description=f"Kuvaus {token}", organisations="Kunta", sections=sections_data(), **common
        )
    if kind == "event":
        starts = timezone.now() + datetime.timedelta(days=10)
        return EventPage(lead=f"Johdanto {token}", starts_at=starts, ends_at=starts + datetime.timedelta(hours=3),
                         organiser="Osaamiskeskus", locality="Helsinki", **common)
    if kind == "material":
        return MaterialPage(
            description=f"<p>Kuvaus {token}</p>",
            versions=[
                MaterialVersion(
                    language="so",
                    video_url="https://www.youtube.com/watch?v=aaaaaaaaaaa",
                    duration=datetime.timedelta(minutes=5),
                )
            ],
            **common,
        )
    return PilotReportPage(
        organisations="Kunta",
        region=Region.values[0],
        call_round=CallRound.values[0],
        theme=PilotTheme.values[0],
        summary=f"Yhteenveto {token}",
        **common,
    )


def translation_texts(token, slug):
    return {"title": f"{token} {SEARCH_WORD}", "slug": slug, "listing_summary": f"Sammanfattning {token}"}


def aliases_of(page):
    """The page's aliases, and theirs (wagtail-localize mirrors into each synchronised locale)."""
    found = list(Page.objects.filter(alias_of=page))
    for alias in list(found):
        found += aliases_of(alias)
    return found


def build_world():
    user = UserFactory(is_superuser=True, is_staff=True, username="toimittaja")
    homes = create_home(user)
    home = homes["fi"]

    indexes = {
        "blog": create_page(home, BlogIndexPage(title="Blogi", slug="blogi"), user),
        "practice": create_page(home, PracticeIndexPage(title="Hyvät käytännöt", slug="hyvat-kaytannot"), user),
        "material": create_page(home, MaterialIndexPage(title="Materiaalit", slug="materiaalit"), user),
        "pilot": create_page(home, ProjectPage(title="Kotona Suomessa", slug="kotona-suomessa"), user),
        "event": create_page(home, EventIndexPage(title="Tapahtumat", slug="tapahtumat"), user),
    }
    # Sections that are restricted as a whole: a members' blog and a sub-project.
    sections = {
        "blog": create_page(home, BlogIndexPage(title="Jäsenten blogi", slug="jasenblogi"), user),
        "pilot": create_page(indexes["pilot"], ProjectPage(title="Suljettu osahanke", slug="suljettu-osahanke"), user),
    }
    for section in sections.values():
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    hidden = []
    visible_markers = {"fi": [], "sv": [], "en": []}
    alternates_pages = []

    # Visible controls: a page of each kind, translated into Swedish.
    controls = {}
    for kind in KINDS:
        token = camel("nakyva", kind)
        page = create_page(indexes[kind], new_page(kind, token, f"nakyva-{kind}"), user)
        sv_token = camel("synlig", kind)
        translate(page, "sv", translation_texts(sv_token, f"synlig-{kind}"), user, publish=True)
        controls[kind] = page
        visible_markers["fi"].append(token)
        visible_markers["en"].append(token)  # the English alias mirrors the Finnish page
        visible_markers["sv"].append(sv_token)
        alternates_pages.append(page)

    members = Group.objects.create(name="Jäsenet")
    for state in PAGE_STATES:
        for kind in KINDS:
            if state == "ancestor_restricted" and kind not in ANCESTOR_KINDS:
                continue
            token = camel("piilo", state, kind)
            slug = f"piilo-{state.replace('_', '-')}-{kind}"
            page = add_hidden_page(state, kind, token, slug, indexes, sections, user, members)
            item = Hidden(state, kind, [token], [slug], page_ids=[page.pk] + [alias.pk for alias in aliases_of(page)])
            hidden.append(item)
            if getattr(page, "approved_comment", None) is not None:
                comment = page.approved_comment
                hidden.append(
                    Hidden("comment_on_hidden_post", f"{kind}_{state}", [comment.comment], comment_ids=[comment.pk])
                )

    for state in TRANSLATION_STATES:
        for kind in KINDS:
            hidden.append(add_hidden_translation(state, kind, indexes, homes, user, alternates_pages))

    hidden += add_hidden_comments(controls["blog"])

    links_page = add_links_page(home, hidden, controls, user)
    alternates_pages.append(links_page)
    add_main_menu(hidden, controls, user)
    add_home_blocks(home, homes, hidden, controls, user)
    return World(homes, indexes, links_page, hidden, visible_markers, alternates_pages, user)


def add_hidden_page(state, kind, token, slug, indexes, sections, user, members):
    """A Finnish page in `state`. Posts that end up private or expired were public before and
    carry an approved comment (`page.approved_comment`), which must disappear with them."""
    in_a_month = timezone.now() + datetime.timedelta(days=30)
    parent = sections[kind] if state == "ancestor_restricted" else indexes[kind]
    page = new_page(kind, token, slug)
    if state == "draft":
        return create_page(parent, page, user, publish=False)
    if state == "scheduled":
        page.go_live_at = in_a_month
        return create_page(parent, page, user)
    if state == "scheduled_after_draft":
        page = create_page(parent, page, user, publish=False)
        return publish_edit(page, user, go_live_at=in_a_month)
    page = create_page(parent, page, user)
    comment = None
    if kind == "blog" and state != "ancestor_restricted":
        comment = post_comment(page, camel("kommentti", state), f"10.1.1.{PAGE_STATES.index(state)}")
        moderation.approve([comment.pk])
    if state == "expired":
        # Its expiry has passed; `publish_scheduled` has not run yet.
        page = publish_edit(page, user, expire_at=timezone.now() - datetime.timedelta(hours=1))
    elif state in ("password", "login", "groups"):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=state, password="salasana" if state == "password" else ""
        )
        if state == "groups":
            restriction.groups.add(members)
    page.approved_comment = comment
    return page


def add_hidden_translation(state, kind, indexes, homes, user, alternates_pages):
    """A live Finnish page whose Swedish version is hidden (unpublished, or a draft)."""
    fi_token = camel("nakyva", state, kind)
    page = create_page(indexes[kind], new_page(kind, fi_token, f"nakyva-{state.replace('_', '-')}-{kind}"), user)
    alternates_pages.append(page)
    token = camel("dold", state, kind)
    slug = f"dold-{state.replace('_', '-')}-{kind}"
    sv = Locale.objects.get(language_code="sv")
    item = Hidden(state, kind, [token], [slug])
    if state == "alias_translation_draft":
        # "Translate this page" on the Swedish alias, then the translator's Swedish strings, saved.
        with TestCase.captureOnCommitCallbacks(execute=True):
            TranslationCreator(user, [sv]).create_translations(page)
        sv_page = translate(page, "sv", translation_texts(token, slug), user, publish=False)
        item.page_ids = [sv_page.pk]
        item.live_words = [fi_token]  # the Swedish page still mirrors the Finnish one
        return item
    live_token = camel("synlig", state, kind)
    sv_page = translate(page, "sv", translation_texts(live_token, f"synlig-{state.replace('_', '-')}-{kind}"), user, publish=True)
    # An alias of the Swedish page elsewhere in the Swedish tree (the admin's "Create alias").
    alias_slug = f"kopio-{state.replace('_', '-')}-{kind}"
    alias = sv_page.create_alias(parent=sv_page.get_parent(), update_slug=alias_slug, user=user)
    if state == "unpublished_translation":
        item.markers.append(live_token)
        item.slugs.append(alias_slug)
        translate(page, "sv", translation_texts(token, slug), user, publish=True)
        Page.objects.get(pk=sv_page.pk).unpublish(user=user)
    else:
        translate(page, "sv", translation_texts(token, slug), user, publish=False)
        item.live_words = [live_token]
    item.page_ids = [sv_page.pk, alias.pk]
    return item


def post_comment(page, text, address):
    """A visitor posts a comment through the post's own form."""
    client = Client()
    document = BeautifulSoup(client.get(page.url).content, "html.parser")
    form = next(form for form in document.find_all("form", class_="comment-form"))
    data = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("type") == "hidden"}
    honeypot = form.find("div", class_="comment-form__honeypot").find("input")
    data.update({honeypot["name"]: "", "name": f"Kirjoittaja {text}", "email": "k@example.org", "comment": text})
    response = client.post(form["action"], data, REMOTE_ADDR=address)
    assert response.status_code == 302, response.content[:500]
    from django_comments_xtd.models import XtdComment

    return XtdComment.objects.latest("pk")


def add_hidden_comments(visible_post):
    """A held and a removed comment on a visible post."""
    held = post_comment(visible_post, "KommenttiHeld", "10.1.0.1")
    removed = post_comment(visible_post, "KommenttiRemoved", "10.1.0.2")
    moderation.remove([removed.pk])
    return [
        Hidden("held_comment", "blog", ["KommenttiHeld"], comment_ids=[held.pk]),
        Hidden("removed_comment", "blog", ["KommenttiRemoved"], comment_ids=[removed.pk]),
    ]


def hidden_sources(hidden):
    """The Finnish page of each hidden item (what an editor would choose in a block or menu)."""
    pages = []
    for item in hidden:
        if item.page_ids:
            page = Page.objects.get(pk=item.page_ids[0])
            source = page.get_translation_or_none(Locale.get_default()) or page
            pages.append(source.specific)
    return pages


def add_links_page(home, hidden, controls, user):
    """A page whose calls to action point at every hidden page and at the visible controls."""
    targets = hidden_sources(hidden) + list(controls.values())
    body = [
        {"type": "call_to_action", "value": {"text": f"Linkki {index}", "description": "", "page": page.pk, "external_url": ""}}
        for index, page in enumerate(targets)
    ]
    page = create_page(home, StandardPage(title="Linkit", slug="linkit", lead="Linkkejä.", body=body), user)
    translate(page, "sv", {"title": "Länkar"}, user, publish=True)
    return page


def add_main_menu(hidden, controls, user):
    menu = MainMenu(name="Päävalikko", locale=Locale.get_default())
    menu.items = [MenuItem(page=page, locale=menu.locale) for page in hidden_sources(hidden) + list(controls.values())]
    menu.save()
    menu.save_revision(user=user).publish(user=user)


def add_home_blocks(home, homes, hidden, controls, user):
    """Latest posts, featured practices and materials on the home page, choosing hidden ones too."""
    sources = hidden_sources(hidden) + list(controls.values())
    practices = [page.pk for page in sources if isinstance(page, PracticeModelPage)]
    materials = [page.pk for page in sources if isinstance(page, MaterialPage)]
    body = [
        {"type": "latest_posts", "value": {"heading": "Ajankohtaista", "kind": "", "count": 12}},
        {"type": "featured_practices", "value": {"heading": "Käytäntöjä", "practices": practices, "count": 12}},
        {"type": "materials", "value": {"heading": "Materiaaleja", "materials": materials, "series": None, "limit": None}},
        {"type": "upcoming_events", "value": {"heading": "Tapahtumia", "count": 12}},
    ]
    publish_edit(home, user, body=body)
    for language in ("sv", "en"):
        # The translations keep the same blocks (synchronised choices).
        translate(home, language, {}, user, publish=True)
