"""The open data API (/api/v2/): only what a visitor may see, one language per listing,
the public listings' filters and counts, strict parameters, the licence and CORS everywhere."""

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from cms.models import SiteSettings
from cms.vocabulary import Region
from home.choices import CallRound, PilotTheme
from opendata.urls import ENDPOINTS
from practices.models import DevelopmentStage
from tests.factories import translate_page
from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, MaterialThemeFactory
from tests.factories.practices import (
    PracticeIndexPageFactory,
    PracticeModelPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)

from .conftest import built_once, get_json

pytestmark = pytest.mark.django_db

HIDDEN_WORDS = (
    "LuonnosKaytanto",
    "SalainenKaytanto",
    "LuonnosMateriaali",
    "LuonnosPilotti",
    "SalainenPilotti",
    "LuonnosTapahtuma",
)


def build():
    from tests.conftest import build_home_tree, existing_home

    home = existing_home() or build_home_tree()
    index = PracticeIndexPageFactory(parent=home)
    mentoring, language = ThemeFactory(slug="mentorointi"), ThemeFactory(slug="kieli")
    youth = TargetGroupFactory(slug="nuoret")
    practices = []
    for number in range(6):
        practice = PracticeModelPageFactory(
            parent=index,
            slug=f"kaytanto-{number}",
            title=f"Käytäntö {number}",
            themes=[mentoring] if number % 2 else [mentoring, language],
            region=Region.values[number % 3],
            development_stage=DevelopmentStage.values[number % 2],
        )
        if number < 3:
            practice.target_groups.set([youth])  # a ParentalManyToManyField: stored on save
            practice.save()
        practices.append(practice)
    PracticeModelPageFactory(parent=index, slug="luonnos", title="LuonnosKaytanto", themes=[mentoring], live=False)
    private = PracticeModelPageFactory(parent=index, slug="salainen", title="SalainenKaytanto", themes=[mentoring])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    sv_index = translate_page(index, "sv", {"title": "Goda praxis", "slug": "goda-praxis"})
    swedish = translate_page(practices[0], "sv", {"title": "SvenskPraxis", "slug": "svensk-praxis"})
    english_alias = practices[1].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=True
    )

    registry = MaterialIndexPageFactory(parent=home, slug="materiaalit")
    everyday = MaterialThemeFactory(slug="arki")
    materials = [
        MaterialPageFactory(parent=registry, slug="video-1", languages=("fi", "so"), themes=[everyday]),
        MaterialPageFactory(parent=registry, slug="video-2", languages=("fi", "ar", "so")),
        MaterialPageFactory(parent=registry, slug="opas", languages=("fi",), material_type="publication"),
    ]
    MaterialPageFactory(parent=registry, slug="luonnos-m", title="LuonnosMateriaali", languages=("so",), live=False)

    project = ProjectPageFactory(parent=home, slug="hanke")
    pilots = [
        PilotReportPageFactory(parent=project, call_round=CallRound.values[n % 2], theme=PilotTheme.values[n % 3])
        for n in range(4)
    ]
    PilotReportPageFactory(parent=project, title="LuonnosPilotti", live=False)
    restricted = ProjectPageFactory(parent=project, slug="suljettu")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    PilotReportPageFactory(parent=restricted, title="SalainenPilotti")
    calendar = EventIndexPageFactory(parent=home)
    events = [
        EventPageFactory(parent=calendar, slug="tuleva-1", themes=[mentoring], starts_at=in_days(5)),
        EventPageFactory(parent=calendar, slug="tuleva-2", themes=[mentoring, language], starts_at=in_days(20)),
        EventPageFactory(parent=calendar, slug="mennyt", themes=[language], starts_at=in_days(-30)),
    ]
    EventPageFactory(parent=calendar, slug="luonnos-t", title="LuonnosTapahtuma", live=False, themes=[mentoring])
    return {
        "calendar": calendar,
        "events": events,
        "practice_index": index,
        "sv_practice_index": sv_index,
        "practices": practices,
        "swedish": swedish,
        "english_alias": english_alias,
        "private": private,
        "registry": registry,
        "materials": materials,
        "project": project,
        "pilots": pilots,
    }


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build)


def ids(url):
    return {item["id"] for item in get_json(url)["items"]}


def test_listings_hold_the_visible_pages_of_one_language_only(site):
    assert ids("/api/v2/practices/?limit=100") == {page.pk for page in site["practices"]}
    assert ids("/api/v2/practices/?locale=sv") == {site["swedish"].pk}
    assert ids("/api/v2/practices/?locale=en") == set()  # an alias is the Finnish text again
    assert ids("/api/v2/materials/") == {page.pk for page in site["materials"]}
    assert ids("/api/v2/pilots/") == {page.pk for page in site["pilots"]}
    assert ids("/api/v2/events/") == {page.pk for page in site["events"]}
    for endpoint in ENDPOINTS:
        for locale in ("fi", "sv", "en"):
            body = get_json(f"/api/v2/{endpoint.endpoint_name}/?locale={locale}&limit=100&fields=*")
            assert {item["meta"]["locale"] for item in body["items"]} <= {locale}
            text = str(body)
            assert not [word for word in HIDDEN_WORDS if word in text]


def test_hidden_pages_and_aliases_have_no_detail_and_cannot_be_found(site):
    hidden = [site["english_alias"]]
    from wagtail.models import Page

    hidden += list(Page.objects.filter(title__in=HIDDEN_WORDS))
    assert len(hidden) == 7
    for page in hidden:
        for endpoint in ENDPOINTS:
            name = endpoint.endpoint_name
            get_json(f"/api/v2/{name}/{page.pk}/", status=404)
            get_json(f"/api/v2/{name}/find/?id={page.pk}", status=404)
        if page.url:
            get_json(f"/api/v2/practices/find/?html_path={page.url}", status=404)


def test_detail_and_find(site):
    practice = site["practices"][0]
    body = get_json(f"/api/v2/practices/{practice.pk}/")
    assert body["title"] == practice.title
    assert [section["name"] for section in body["sections"]] == [s["name"] for s in practice.ordered_sections()]
    assert body["meta"]["html_url"].endswith(practice.url)
    swedish = get_json(f"/api/v2/practices/{site['swedish'].pk}/")
    assert swedish["meta"]["locale"] == "sv"
    assert swedish["region"]["label"] != body["region"]["label"] or practice.region == "national"
    for query in (f"id={practice.pk}", f"html_path={practice.url}", f"html_path={site['swedish'].url}"):
        response = Client().get(f"/api/v2/practices/find/?{query}&fields=title")
        assert response.status_code == 302
        assert get_json(response["Location"])["id"] in {practice.pk, site["swedish"].pk}


def listing_count(url):
    """What the public listing page says it holds (the event index: upcoming and past together
    unless `when` is asked for, as the API)."""
    if "/tapahtumat/" in url and "when=" not in url:
        return listing_count(f"{url}&when=upcoming") + listing_count(f"{url}&when=past")
    response = Client().get(url)
    assert response.status_code == 200, url
    if "pilots" in response.context and response.context["pilots"] is not None:
        return response.context["pilots"].result_count
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.endpoint_name)
def test_counts_match_the_public_listing_for_every_filter_value(site, endpoint):
    name = endpoint.endpoint_name
    pages = {
        "practices": [("fi", site["practice_index"]), ("sv", site["sv_practice_index"])],
        "materials": [("fi", site["registry"])],
        "pilots": [("fi", site["project"])],
        "events": [("fi", site["calendar"])],
    }[name]
    checked = 0
    for locale, page in pages:
        queries = [""] + [f"{flt.name}={value}" for flt in endpoint.filters for value in flt.values()]
        for query in queries:
            api = get_json(f"/api/v2/{name}/?locale={locale}&{query}")["meta"]["total_count"]
            assert api == listing_count(f"{page.url}?{query}"), (locale, query)
            checked += api
    assert checked >= 10  # the filters do select something


def test_several_values_of_a_filter_widen_and_filters_combine(site):
    one = get_json("/api/v2/practices/?theme=kieli")["meta"]["total_count"]
    both = get_json("/api/v2/practices/?theme=kieli&theme=mentorointi")["meta"]["total_count"]
    combined = get_json("/api/v2/practices/?theme=kieli&target_group=nuoret")["meta"]["total_count"]
    assert (one, both, combined) == (3, 6, 2)


def test_events_upcoming_and_past_with_the_registration_and_recording_a_visitor_sees(site):
    upcoming, _, past = site["events"]
    assert ids("/api/v2/events/?when=upcoming") == {event.pk for event in site["events"][:2]}
    assert ids("/api/v2/events/?when=past") == {past.pk}
    assert ids("/api/v2/events/?when=past&when=upcoming") == ids("/api/v2/events/")
    listed = get_json("/api/v2/events/?order=-starts_at")["items"]
    latest_first = sorted(site["events"], key=lambda event: event.starts_at, reverse=True)
    assert [item["id"] for item in listed] == [event.pk for event in latest_first]

    upcoming.registration_url = "https://ilmoittaudu.example/tuleva"
    upcoming.save_revision().publish()
    body = get_json(f"/api/v2/events/{upcoming.pk}/")
    assert body["registration"] == {"status": "open", "closes_at": None, "url": "https://ilmoittaudu.example/tuleva"}
    assert body["starts_at"] == timezone.localtime(upcoming.starts_at).isoformat()  # Finnish time, with offset
    assert body["place"]["locality"] == "Helsinki" and body["recording"] == []

    # After the event: registration closed (no address), and its recording linked only once it is public.
    recording = site["materials"][0]
    past.registration_url = "https://ilmoittaudu.example/mennyt"
    past.recording = recording
    past.save_revision().publish()
    body = get_json(f"/api/v2/events/{past.pk}/")
    assert body["registration"]["status"] == "closed" and body["registration"]["url"] is None
    assert [link["id"] for link in body["recording"]] == [recording.pk]
    recording.unpublish()
    try:
        assert get_json(f"/api/v2/events/{past.pk}/")["recording"] == []
    finally:
        recording.save_revision().publish()


def test_pagination_walks_the_whole_listing_once(site):
    seen = []
    for offset in range(0, 8, 2):
        body = get_json(f"/api/v2/practices/?limit=2&offset={offset}&order=title")
        assert body["meta"]["total_count"] == 6
        seen += [item["title"] for item in body["items"]]
    assert seen == sorted(page.title for page in site["practices"])


def test_the_licence_is_in_every_response(site):
    practice = site["practices"][0]
    urls = {
        "/api/v2/": 200,
        "/api/v2/openapi.json": 200,
        "/api/v2/practices/": 200,
        f"/api/v2/practices/{practice.pk}/": 200,
        f"/api/v2/practices/{practice.pk}/?fields=_,title": 200,
        f"/api/v2/practices/find/?id={practice.pk}": 302,
        "/api/v2/practices/?limit=x": 400,
        "/api/v2/practices/999999/": 404,
    }
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, url in [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC0", "https://example.org/cc0"),
    ]:
        settings.data_licence_name, settings.data_licence_url = name, url
        settings.save()
        for address, status in urls.items():
            response = Client().get(address)
            assert response.status_code == status, address
            assert response["Link"] == f'<{url}>; rel="license"', address
            if status == 200:
                body = response.json()
                found = body.get("license") or body.get("meta", {}).get("license") or body["info"]["license"]
                assert found == {"name": name, "url": url}, address


BAD = [
    "unknown=1",
    "limit=abc",
    "limit=-1",
    "limit=101",
    "limit=%EF%BC%91",  # a full-width digit
    "limit=1&limit=2",
    "offset=1e3",
    "order=secret",
    "order=title,title,title,title,title",
    "locale=de",
    "locale=fi&locale=sv",
    "theme=ei-ole",
    "region=mars",
    "recommended=0",
    "fields=nonexistent",
    "fields=title(",
    "search=x",
    "type=wagtailcore.Page",
    "child_of=1",
]


@pytest.mark.parametrize("query", BAD)
def test_bad_parameters_answer_400_with_a_message(site, query):
    body = get_json(f"/api/v2/practices/?{query}", status=400)
    assert body["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/practices/1/?limit=1",
        "/api/v2/practices/find/",
        "/api/v2/practices/find/?id=1&html_path=/",
        "/api/v2/practices/find/?id=99999999999",
        "/api/v2/openapi.json?x=1",
        "/api/v2/?format=api",
    ],
)
def test_bad_parameters_elsewhere_answer_400(site, url):
    get_json(url, status=400)


def test_cors_allows_get_from_anywhere_and_nothing_else(site):
    client = Client()
    response = client.get("/api/v2/practices/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/practices/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    for method in (client.post, client.put, client.delete):
        assert method("/api/v2/practices/").status_code == 405


def test_json_whatever_the_client_accepts(site):
    response = Client().get("/api/v2/practices/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")


def test_openapi_document_describes_what_the_api_answers(site):
    """Every field a response carries is declared in the document, and every filter with its values."""
    document = get_json("/api/v2/openapi.json")
    assert document["openapi"].startswith("3.")
    for endpoint in ENDPOINTS:
        name = endpoint.endpoint_name
        listing = document["paths"][f"/{name}/"]["get"]
        parameters = {parameter["name"]: parameter for parameter in listing["parameters"]}
        for flt in endpoint.filters:
            values = list(flt.values())  # a vocabulary without terms (no series yet) is a plain string
            assert parameters[flt.name]["schema"]["items"].get("enum", []) == values, flt.name
        listing_schema = listing["responses"]["200"]["content"]["application/json"]["schema"]
        item_schema = listing_schema["properties"]["items"]["items"]
        detail_schema = document["paths"][f"/{name}/{{id}}/"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]
        body = get_json(f"/api/v2/{name}/?fields=*")
        assert set(body["meta"]) == set(listing_schema["properties"]["meta"]["properties"])
        assert body["items"]
        for item in body["items"]:
            assert set(item) - {"meta"} <= set(item_schema["properties"]), name
            assert set(item["meta"]) <= set(item_schema["properties"]["meta"]["properties"]), name
            detail = get_json(item["meta"]["detail_url"])
            assert set(detail) - {"meta"} == set(detail_schema["properties"]) - {"meta"}, name
            assert set(detail["meta"]) <= set(detail_schema["properties"]["meta"]["properties"]), name
