"""Good practices: themes, target groups, the criteria's translations, practice models, panel assessments and calls."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from cms.demo import DEMO_NAMESPACE, TARGET_LANGUAGES, T, add_page, add_snippet, stream, translate_object

from .models import (
    Criterion,
    CriterionVerdict,
    PanelAssessment,
    PracticeCallPage,
    PracticeIndexPage,
    PracticeModelPage,
    TargetGroup,
    Theme,
)
from .review import ensure_panel_workflow

ORDER = 30
HELSINKI = ZoneInfo("Europe/Helsinki")

THEMES = {
    "tyollisyys": T(fi="Työllisyys", sv="Sysselsättning", en="Employment"),
    "koulutus": T(fi="Koulutus", sv="Utbildning", en="Education"),
    "mentorointi": T(fi="Mentorointi", sv="Mentorskap", en="Mentoring"),
    "monialainen-yhteistyo": T(fi="Monialainen yhteistyö", sv="Sektorsövergripande samarbete", en="Multi-sector cooperation"),
    "perheet": T(fi="Perheet ja vanhemmuus", sv="Familjer och föräldraskap", en="Families and parenthood"),
    "osallisuus": T(fi="Osallisuus", sv="Delaktighet", en="Participation"),
}
TARGET_GROUPS = {
    "ammattilaiset": T(fi="Ammattilaiset", sv="Yrkesverksamma", en="Professionals"),
    "nuoret": T(fi="Nuoret", sv="Unga", en="Young people"),
    "naiset": T(fi="Naiset", sv="Kvinnor", en="Women"),
    "tyonhakijat": T(fi="Työnhakijat", sv="Arbetssökande", en="Jobseekers"),
    "perheet": T(fi="Lapsiperheet", sv="Barnfamiljer", en="Families with children"),
}
CRITERIA = {
    "goal_oriented": (
        T(fi="", sv="Målinriktad", en="Goal-oriented"),
        T(fi="", sv="Praxisen minskar ojämlikhet och förbättrar invandrares välbefinnande och delaktighet.",
          en="The practice reduces inequality and improves newcomers' wellbeing and participation."),
    ),
    "client_oriented": (
        T(fi="", sv="Klientorienterad", en="Client-oriented"),
        T(fi="", sv="Praxisen utgår från behoven och livssituationen hos dem som integreras.",
          en="The practice starts from the needs and circumstances of the people integrating."),
    ),
    "fits_situation": (
        T(fi="", sv="Anpassad till situationen", en="Fits the situation"),
        T(fi="", sv="Praxisen tar hänsyn också till svåra förhållanden där den genomförs.",
          en="The practice takes into account the difficult circumstances it is carried out in."),
    ),
    "effective": (
        T(fi="", sv="Verkningsfull", en="Effective"),
        T(fi="", sv="Praxisen ger bättre resultat än tidigare sett ur klientens synvinkel.",
          en="The practice gives better results than before, seen from the client's side."),
    ),
    "modellable": (
        T(fi="", sv="Modellerbar", en="Can be modelled"),
        T(fi="", sv="Praxisens väsentliga delar och steg som leder till resultatet är tydligt beskrivna.",
          en="The essential parts and steps that lead to the intended result are clearly described."),
    ),
    "generalisable": (
        T(fi="", sv="Generaliserbar", en="Generalisable"),
        T(fi="", sv="Praxisen fungerar också när den tas i bruk på en annan ort eller i en annan organisation.",
          en="The practice keeps working when it is taken into use elsewhere."),
    ),
}


def list_items(key, values):
    """ListBlock data with stable item ids, so each translated item finds its source item."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}:{index}"))}
        for index, value in enumerate(values)
    ]


def p(fi, sv, en):
    return T(fi=f"<p>{fi}</p>", sv=f"<p>{sv}</p>", en=f"<p>{en}</p>")


def load(ctx):
    themes = {slug: add_snippet(ctx, Theme, {"slug": slug}, {"slug": slug, "name": name}) for slug, name in THEMES.items()}
    groups = {
        slug: add_snippet(ctx, TargetGroup, {"slug": slug}, {"slug": slug, "name": name})
        for slug, name in TARGET_GROUPS.items()
    }
    translate_criteria(ctx)

    index = add_page(ctx, ctx.home, PracticeIndexPage, INDEX)
    for page in index.get_translations(inclusive=True):
        ensure_panel_workflow(page)
    ctx["practice_index"] = index
    ctx.objects.setdefault("menu", []).append(index)

    for spec, theme_slugs, group_slugs, assessment in practices():
        spec = {**spec, "themes": [themes[s] for s in theme_slugs], "target_groups": [groups[s] for s in group_slugs]}
        page = add_page(ctx, index, PracticeModelPage, spec)
        if assessment:
            record_assessment(ctx, page, *assessment)

    add_page(ctx, index, PracticeCallPage, {**MENTORING_CALL_2018, "theme": themes["mentorointi"]})
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    add_page(
        ctx,
        index,
        PracticeCallPage,
        {
            **OPEN_CALL,
            "theme": themes["osallisuus"],
            "opens_at": now - datetime.timedelta(days=14),
            "closes_at": now + datetime.timedelta(days=60),
        },
    )


def translate_criteria(ctx):
    """The criteria come in Finnish from a migration; Swedish and English are their translations."""
    for criterion in Criterion.source_criteria():
        name, description = CRITERIA[criterion.key]
        for language in TARGET_LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            if criterion.has_translation(locale):
                ctx.progress(criterion.get_translation(locale), False)
                continue
            translated = Criterion(key=criterion.key, order=criterion.order, name=name[language], description=description[language])
            ctx.progress(translate_object(criterion, language, translated, user=ctx.user), True)


def record_assessment(ctx, page, recommendation, verdicts):
    """A panel assessment as if the panel had reviewed the published revision."""
    if page.panel_assessments.exists():
        ctx.progress(page.panel_assessments.first(), False)
        return
    assessment = PanelAssessment.objects.create(
        page=page, revision=page.live_revision, assessor=ctx.user, recommendation=recommendation
    )
    for criterion in Criterion.source_criteria():
        verdict, justification = verdicts.get(criterion.key, (CriterionVerdict.MET, DEFAULT_JUSTIFICATION))
        CriterionVerdict.objects.create(
            assessment=assessment, criterion=criterion, verdict=verdict, justification=justification
        )
    ctx.progress(assessment, True)


DEFAULT_JUSTIFICATION = "Kuvauksen ja arvioinnin perusteella kriteeri täyttyy."

INDEX = {
    "slug": T(fi="hyvat-kaytannot", sv="god-praxis", en="good-practices"),
    "title": T(fi="Hyvät käytännöt", sv="God praxis", en="Good practices"),
    "intro": T(
        fi="Toimintamalleja, jotka on havaittu toimiviksi kotoutumisen edistämisessä. Asiantuntijaraati arvioi "
        "käytännöt kuuden hyvän käytännön kriteerin perusteella.",
        sv="Verksamhetsmodeller som visat sig fungera i integrationsfrämjandet. En expertpanel bedömer praxisen "
        "utifrån sex kriterier för god praxis.",
        en="Operating models that have proved to work in promoting integration. An expert panel assesses the "
        "practices against six criteria of a good practice.",
    ),
}


def practice(slug, title, short, region, stage, organisations, funder, author, sections, municipality=None):
    spec = {
        "slug": slug,
        "title": title,
        "short_description": short,
        "region": region,
        "development_stage": stage,
        "organisations": organisations,
        "funder": funder,
        "author": author,
        "sections": stream(f"practice:{slug if isinstance(slug, str) else slug.fi}", sections),
    }
    if municipality:
        spec["municipality"] = municipality
    return spec


def required_sections(env, target, idea, conditions, tips, results):
    return [
        ("operating_environment", env),
        ("target_group", target),
        ("basic_idea", idea),
        ("conditions", conditions),
        ("tips", tips),
        ("evaluation_results", results),
    ]


def practices():
    """(spec, theme slugs, target group slugs, assessment or None) for each demo practice."""
    yield (
        practice(
            T(fi="monialaisen-yhteistyon-aloittaminen", sv="att-inleda-sektorsovergripande-samarbete", en="starting-multi-sector-cooperation"),
            T(
                fi="Monialaisen yhteistyön aloittaminen kotoutumisen edistämisen palveluissa",
                sv="Att inleda sektorsövergripande samarbete i integrationstjänsterna",
                en="Starting multi-sector cooperation in integration services",
            ),
            T(
                fi="Malli kuvaa, miten alueen kotoutumistoimijat kootaan verkostoksi ja sovitaan yhteisistä tavoitteista, kun vastuut jakautuvat kuntien ja hyvinvointialueen kesken.",
                sv="Modellen beskriver hur regionens integrationsaktörer samlas i ett nätverk och enas om gemensamma mål när ansvaret delas mellan kommunerna och välfärdsområdet.",
                en="The model describes how a region's integration actors form a network and agree on shared goals when responsibilities are split between municipalities and the wellbeing services county.",
            ),
            "national",
            "established",
            T(fi="Alueen kunnat, ELY-keskus ja hyvinvointialue", sv="Regionens kommuner, NTM-centralen och välfärdsområdet", en="The region's municipalities, the ELY Centre and the wellbeing services county"),
            T(fi="Työ- ja elinkeinoministeriö", sv="Arbets- och näringsministeriet", en="Ministry of Economic Affairs and Employment"),
            T(fi="Kotoutumisen osaamiskeskus", sv="Kompetenscentret för integration", en="Centre of Expertise in Immigrant Integration"),
            [
                ("operating_environment", p(
                    "Malli syntyi sote-uudistuksen ja kotoutumislain kokonaisuudistuksen aikana. Sosiaali- ja terveyspalvelujen järjestäminen siirtyi 1.1.2023 hyvinvointialueille, mutta kotoutumisen edistämisen kokonaiskoordinaatio jäi kunnille.",
                    "Modellen togs fram under social- och hälsovårdsreformen och totalreformen av integrationslagen. Ansvaret för social- och hälsovården flyttades 1.1.2023 till välfärdsområdena, medan kommunerna behöll helhetssamordningen av integrationsfrämjandet.",
                    "The model was developed during the health and social services reform and the overhaul of the Integration Act. Responsibility for health and social services moved to the wellbeing services counties on 1 January 2023, while municipalities kept the overall coordination of integration services.")),
                ("starting_point", p(
                    "Kun vastuu palveluista jakautui uudella tavalla, alueella ei enää ollut yhtä tahoa, joka kokoaisi kaikki kotoutumistyön toimijat yhteen.",
                    "När ansvaret för tjänsterna fördelades på ett nytt sätt fanns det inte längre en aktör i regionen som samlade alla som arbetar med integration.",
                    "Once responsibility for services was divided in a new way, no single body in the region brought all integration actors together any more.")),
                ("needs", p(
                    "Kotoutumista edistetään kaikilla hallinnonaloilla: työllisyyspalveluissa, koulutuksessa, sosiaali- ja terveyspalveluissa ja järjestöjen toiminnassa. Yhteisesti sovitut pelisäännöt varmistavat, etteivät hallinnon rajat hidasta kotoutujan palveluja.",
                    "Integration främjas inom alla förvaltningsområden: sysselsättningstjänster, utbildning, social- och hälsovård och organisationernas verksamhet. Gemensamma spelregler ser till att förvaltningsgränser inte bromsar tjänsterna.",
                    "Integration is promoted in every sector: employment services, education, health and social services and the work of NGOs. Shared ground rules make sure administrative borders do not slow down a newcomer's services.")),
                ("developer_group", {
                    "introduction": T(fi="Verkostoon kutsuttiin kaikki alueen kotoutumistyön toimijat.", sv="Alla integrationsaktörer i regionen bjöds in till nätverket.", en="Every integration actor in the region was invited to the network."),
                    "actors": list_items("seed-actors", [
                        {"organisation": T(fi="Alueen kunnat", sv="Regionens kommuner", en="The region's municipalities"), "role": T(fi="Kotoutumisen kokonaiskoordinaatio", sv="Helhetssamordning av integrationen", en="Overall coordination of integration")},
                        {"organisation": T(fi="ELY-keskus", sv="NTM-centralen", en="ELY Centre"), "role": T(fi="Verkoston koordinointi", sv="Samordning av nätverket", en="Coordinating the network")},
                        {"organisation": T(fi="TE-toimisto", sv="TE-byrån", en="TE Office"), "role": T(fi="Työllisyyspalvelut", sv="Sysselsättningstjänster", en="Employment services")},
                        {"organisation": T(fi="Hyvinvointialue", sv="Välfärdsområdet", en="Wellbeing services county"), "role": T(fi="Sosiaali- ja terveyspalvelut", sv="Social- och hälsovård", en="Health and social services")},
                        {"organisation": T(fi="Kela", sv="FPA", en="Kela"), "role": T(fi="Etuudet", sv="Förmåner", en="Benefits")},
                        {"organisation": T(fi="Vastaanottokeskukset", sv="Förläggningarna", en="Reception centres"), "role": T(fi="Alkuvaiheen tuki", sv="Stöd i början", en="Support in the first phase")},
                        {"organisation": T(fi="Poliisi", sv="Polisen", en="Police"), "role": T(fi="Lupa-asiat", sv="Tillståndsärenden", en="Permits")},
                        {"organisation": T(fi="Järjestöt ja yhdistykset", sv="Organisationer och föreningar", en="NGOs and associations"), "role": T(fi="Osallistava toiminta", sv="Verksamhet för delaktighet", en="Activities for participation")},
                    ]),
                }),
                ("intended_change", p(
                    "Toimijoilla on jaettu ymmärrys ja yhteinen tahtotila: yhdessä määritellyt tavoitteet sekä selkeät tehtävät ja vastuut.",
                    "Aktörerna har en gemensam förståelse och vilja: mål som definierats tillsammans och tydliga uppgifter och ansvar.",
                    "The actors share an understanding and a common will: goals defined together, and clear tasks and responsibilities.")),
                ("implementation_plan", p(
                    "Kootaan verkosto, annetaan sen koordinointi neutraalille taholle, kuten ELY-keskukselle, ja laaditaan yhdessä tavoitteet ja toimenpiteet.",
                    "Nätverket samlas, samordningen ges till en neutral aktör såsom NTM-centralen, och mål och åtgärder utarbetas tillsammans.",
                    "Gather the network, give its coordination to a neutral party such as the ELY Centre, and draw up goals and measures together.")),
                *required_sections(
                    None, p("Kotoutumistyötä tekevät ammattilaiset.", "Yrkesverksamma inom integrationsarbetet.", "Professionals working in integration."),
                    p("Alueen kotoutumistoimijat kootaan verkostoksi, jonka koordinointi annetaan neutraalille taholle. Verkosto sopii yhteisen työn tavoitteista ja toimenpiteistä.",
                      "Regionens integrationsaktörer samlas i ett nätverk som samordnas av en neutral aktör. Nätverket enas om mål och åtgärder för det gemensamma arbetet.",
                      "The region's integration actors form a network coordinated by a neutral party. The network agrees on the goals and measures of the shared work."),
                    p("Jokainen organisaatio nimeää verkostoon henkilön. Työ ei vie paljon aikaa, kun verkosto kokoontuu 4–6 kertaa vuodessa.",
                      "Varje organisation utser en person till nätverket. Arbetet tar inte mycket tid när nätverket träffas 4–6 gånger om året.",
                      "Each organisation names a person to the network. It takes little time when the network meets 4–6 times a year."),
                    p("Osallistuminen vaatii vähän resursseja, ja mallia voi soveltaa erilaisissa toimintaympäristöissä.",
                      "Deltagandet kräver små resurser och modellen kan tillämpas i olika miljöer.",
                      "Taking part needs few resources, and the model can be applied in different settings."),
                    p("Alueelle syntyi kotoutumistoimijoiden verkosto, joka laati yhdessä tavoitteet ja toimenpiteet omalle alueelleen.",
                      "I regionen uppstod ett nätverk av integrationsaktörer som tillsammans tog fram mål och åtgärder för sin region.",
                      "A network of integration actors was formed, and it drew up goals and measures for its own region together."),
                )[1:],
            ],
        ),
        ["monialainen-yhteistyo"],
        ["ammattilaiset"],
        (PanelAssessment.RECOMMEND, {}),
    )
    yield from SHORT_PRACTICES


def short_practice(slug, title, short, region, stage, organisation, texts, municipality=None):
    """A practice with the six required sections: `texts` holds their (fi, sv, en) triples."""
    return practice(
        slug,
        title,
        short,
        region,
        stage,
        organisation,
        T(fi="Euroopan sosiaalirahasto", sv="Europeiska socialfonden", en="European Social Fund"),
        T(fi="Hankkeen työryhmä", sv="Projektets arbetsgrupp", en="The project team"),
        required_sections(*(p(*triple) for triple in texts)),
        municipality,
    )


SHORT_PRACTICES = [
    (
        short_practice(
            T(fi="tyonhakuklubi-maahan-muuttaneille", sv="jobbklubb-for-invandrare", en="job-club-for-immigrants"),
            T(fi="Työnhakuklubi maahan muuttaneille", sv="Jobbklubb för invandrare", en="Job club for immigrants"),
            T(fi="Viikoittainen ryhmä, jossa työnhakijat harjoittelevat hakemusten tekoa ja haastatteluja.",
              sv="En veckogrupp där arbetssökande övar på ansökningar och intervjuer.",
              en="A weekly group where jobseekers practise applications and interviews."),
            "pirkanmaa", "established",
            T(fi="Tampereen kaupunki", sv="Tammerfors stad", en="City of Tampere"),
            [
                ("Kaupungin työllisyyspalvelut ja kotoutumiskoulutus.", "Stadens sysselsättningstjänster och integrationsutbildning.", "The city's employment services and integration training."),
                ("Kotoutumiskoulutuksen päättäneet työnhakijat.", "Arbetssökande som avslutat integrationsutbildningen.", "Jobseekers who have completed integration training."),
                ("Pienryhmä tapaa viikoittain ohjaajan kanssa ja hakee töitä yhdessä.", "En smågrupp träffar en handledare varje vecka och söker jobb tillsammans.", "A small group meets a counsellor weekly and looks for work together."),
                ("Ohjaaja, tila ja yhteydet työnantajiin.", "En handledare, lokaler och kontakter till arbetsgivare.", "A counsellor, a room and contacts with employers."),
                ("Kutsu työnantajia kertomaan rekrytoinnistaan.", "Bjud in arbetsgivare att berätta om sin rekrytering.", "Invite employers to talk about how they recruit."),
                ("Puolet osallistujista työllistyi tai aloitti koulutuksen puolen vuoden kuluessa.", "Hälften av deltagarna fick arbete eller började studera inom ett halvår.", "Half of the participants found work or started studies within six months."),
            ],
            municipality=T(fi="Tampere", sv="Tammerfors", en="Tampere"),
        ),
        ["tyollisyys"], ["tyonhakijat"], (PanelAssessment.RECOMMEND, {}),
    ),
    (
        short_practice(
            T(fi="mentorointi-nuorille", sv="mentorskap-for-unga", en="mentoring-for-young-people"),
            T(fi="Vertaismentorointi nuorille maahan muuttaneille", sv="Kamratmentorskap för unga invandrare", en="Peer mentoring for young immigrants"),
            T(fi="Vapaaehtoiset nuoret aikuiset tukevat vasta maahan tulleita nuoria opinnoissa ja harrastuksissa.",
              sv="Frivilliga unga vuxna stöder nyanlända unga i studier och fritid.",
              en="Volunteer young adults support newly arrived young people in studies and leisure."),
            "varsinais-suomi", "piloted",
            T(fi="Turun nuorisopalvelut ja järjestöt", sv="Åbo ungdomstjänster och organisationer", en="Turku youth services and NGOs"),
            [
                ("Nuorisopalvelut ja oppilaitokset.", "Ungdomstjänster och läroanstalter.", "Youth services and schools."),
                ("16–25-vuotiaat maahan muuttaneet nuoret.", "Invandrade unga i åldern 16–25.", "Immigrant young people aged 16–25."),
                ("Mentori ja nuori tapaavat kahdesti kuussa puolen vuoden ajan.", "Mentorn och den unga träffas två gånger i månaden i ett halvår.", "The mentor and the young person meet twice a month for six months."),
                ("Mentoreiden koulutus ja työnohjaus.", "Utbildning och handledning för mentorerna.", "Training and supervision for the mentors."),
                ("Sovita parit yhteisten kiinnostuksen kohteiden mukaan.", "Para ihop utifrån gemensamma intressen.", "Match pairs by shared interests."),
                ("Nuoret kertoivat yhteyksiensä ja itsevarmuutensa kasvaneen.", "De unga berättade att deras nätverk och självförtroende växt.", "The young people reported more contacts and more confidence."),
            ],
        ),
        ["mentorointi", "koulutus"], ["nuoret"], (PanelAssessment.RECOMMEND, {"effective": (CriterionVerdict.PARTLY_MET, "Vaikutuksista on vasta alustavaa tietoa.")}),
    ),
    (
        short_practice(
            T(fi="aitien-suomen-kielen-ryhma", sv="finskagrupp-for-mammor", en="finnish-group-for-mothers"),
            T(fi="Äitien suomen kielen ryhmä lastenhoidon kanssa", sv="Finskagrupp för mammor med barnpassning", en="Finnish group for mothers with childcare"),
            T(fi="Kotona lapsia hoitavat äidit opiskelevat suomea, kun lapset ovat samaan aikaan hoidossa.",
              sv="Mammor som är hemma med barn studerar finska medan barnen passas.",
              en="Mothers at home with children study Finnish while the children are looked after."),
            "pohjois-pohjanmaa", "established",
            T(fi="Oulun kansalaisopisto", sv="Uleåborgs medborgarinstitut", en="Oulu adult education centre"),
            [
                ("Vapaa sivistystyö ja perhepalvelut.", "Det fria bildningsarbetet och familjetjänsterna.", "Liberal adult education and family services."),
                ("Kotona lapsiaan hoitavat äidit.", "Mammor som sköter sina barn hemma.", "Mothers caring for their children at home."),
                ("Kieliopetus ja lastenhoito järjestetään samassa paikassa.", "Språkundervisning och barnpassning ordnas på samma ställe.", "Language teaching and childcare take place in the same building."),
                ("Lastenhoitajat ja sopivat tilat.", "Barnskötare och lämpliga lokaler.", "Childminders and suitable rooms."),
                ("Tee yhteistyötä neuvolan kanssa ryhmän tavoittamiseksi.", "Samarbeta med rådgivningen för att nå gruppen.", "Work with child health clinics to reach the group."),
                ("Osallistujien kielitaito parani ja moni jatkoi opintoja.", "Deltagarnas språkkunskaper förbättrades och många fortsatte studera.", "The participants' language skills improved and many went on studying."),
            ],
        ),
        ["koulutus", "perheet"], ["naiset", "perheet"], None,
    ),
    (
        short_practice(
            T(fi="kotoutumisen-vertaisryhmat-kirjastossa", sv="kamratgrupper-pa-biblioteket", en="peer-groups-in-the-library"),
            T(fi="Kotoutumisen vertaisryhmät kirjastossa", sv="Kamratgrupper för integration på biblioteket", en="Integration peer groups in the library"),
            T(fi="Kirjasto tarjoaa matalan kynnyksen kohtaamispaikan, jossa vapaaehtoiset ja uudet asukkaat keskustelevat.",
              sv="Biblioteket erbjuder en lågtröskelplats där frivilliga och nya invånare samtalar.",
              en="The library offers a low-threshold meeting place where volunteers and new residents talk."),
            "uusimaa", "in_development",
            T(fi="Vantaan kaupunginkirjasto", sv="Vanda stadsbibliotek", en="Vantaa City Library"),
            [
                ("Kirjastot kohtaamispaikkoina.", "Biblioteken som mötesplatser.", "Libraries as meeting places."),
                ("Kaikki uudet asukkaat.", "Alla nya invånare.", "All new residents."),
                ("Viikoittaiset keskusteluryhmät vapaaehtoisten vetäminä.", "Veckovisa samtalsgrupper som leds av frivilliga.", "Weekly conversation groups led by volunteers."),
                ("Vapaaehtoisten koordinointi.", "Samordning av frivilliga.", "Coordinating the volunteers."),
                ("Pidä ryhmät avoimina ilman ilmoittautumista.", "Håll grupperna öppna utan anmälan.", "Keep the groups open, with no registration."),
                ("Arviointi on kesken.", "Utvärderingen pågår.", "The evaluation is under way."),
            ],
        ),
        ["osallisuus"], ["tyonhakijat"], (PanelAssessment.DO_NOT_RECOMMEND, {"modellable": (CriterionVerdict.NOT_MET, "Mallin vaiheita ei ole vielä kuvattu.")}),
    ),
    (
        short_practice(
            T(fi="tyopaikkakoulutus-hoiva-alalle", sv="arbetsplatsutbildning-inom-varden", en="workplace-training-in-care"),
            T(fi="Työpaikkakoulutus hoiva-alalle", sv="Arbetsplatsutbildning inom vården", en="Workplace training in care work"),
            T(fi="Kieli- ja ammattiopinnot yhdistetään työhön hoivakodeissa.",
              sv="Språk- och yrkesstudier kombineras med arbete på vårdhem.",
              en="Language and vocational studies are combined with work in care homes."),
            "national", "established",
            T(fi="Ammattiopistot ja hoivayritykset", sv="Yrkesinstitut och vårdföretag", en="Vocational colleges and care companies"),
            [
                ("Hoiva-alan työvoimapula ja ammatillinen koulutus.", "Arbetskraftsbristen inom vården och yrkesutbildningen.", "The labour shortage in care and vocational education."),
                ("Hoiva-alasta kiinnostuneet maahan muuttaneet.", "Invandrare som är intresserade av vården.", "Immigrants interested in care work."),
                ("Opiskelija työskentelee hoivakodissa ja opiskelee kieltä työn lomassa.", "Studeranden arbetar på ett vårdhem och studerar språk vid sidan av.", "The student works in a care home and studies the language alongside."),
                ("Työpaikkaohjaaja ja oppilaitoksen tuki.", "En handledare på arbetsplatsen och stöd från läroanstalten.", "A workplace instructor and support from the college."),
                ("Sovi kielituesta työvuorojen yhteydessä.", "Kom överens om språkstöd i samband med arbetsskiften.", "Agree on language support within the shifts."),
                ("Suurin osa valmistuneista jatkoi alalla.", "De flesta som utexaminerades fortsatte inom branschen.", "Most graduates continued in the field."),
            ],
        ),
        ["tyollisyys", "koulutus"], ["tyonhakijat", "naiset"], (PanelAssessment.RECOMMEND, {}),
    ),
]

CALL_CONTACT = stream(
    "call-contact",
    [
        (
            "contact_person",
            {
                "name": "Aino Esimerkki",
                "role": T(fi="Erityisasiantuntija", sv="Specialsakkunnig", en="Senior specialist"),
                "organisation": T(fi="Kotoutumisen osaamiskeskus", sv="Kompetenscentret för integration", en="Centre of Expertise in Immigrant Integration"),
                "email": "aino.esimerkki@kotoutuminen.example",
                "phone": "",
            },
        )
    ],
)

MENTORING_CALL_2018 = {
    "slug": T(fi="mentorointihaku-2018", sv="utlysning-mentorskap-2018", en="mentoring-call-2018"),
    "title": T(fi="Teemahaku: mentorointi", sv="Temautlysning: mentorskap", en="Thematic call: mentoring"),
    "lead": T(
        fi="Osaamiskeskus etsi syksyllä 2018 maahan muuttaneiden mentorointimalleja yhdessä Kotona Suomessa -hankkeen kanssa.",
        sv="Hösten 2018 sökte kompetenscentret mentorskapsmodeller för invandrare tillsammans med projektet Kotona Suomessa.",
        en="In autumn 2018 the centre sought mentoring models for immigrants together with the Kotona Suomessa project.",
    ),
    "sought": T(
        fi="<p>Haimme mentorointimalleja, joiden tavoitteena on esimerkiksi työllistyminen, koulutukseen pääsy, terveys, vanhemmuus, vapaa-aika ja harrastukset tai yhteiskunnallinen osallisuus. Asiantuntijaraadin suosittelemat käytännöt julkaistaan alkuvuodesta 2019.</p>",
        sv="<p>Vi sökte mentorskapsmodeller som till exempel siktar på sysselsättning, tillträde till utbildning, hälsa, föräldraskap, fritid och hobbyer eller samhällelig delaktighet. De metoder som expertpanelen rekommenderar publiceras i början av 2019.</p>",
        en="<p>We sought mentoring models aiming at, for example, employment, access to education, health, parenthood, leisure and hobbies, or social participation. The practices the expert panel recommends are published early in 2019.</p>",
    ),
    "opens_at": datetime.datetime(2018, 10, 1, 8, 0, tzinfo=HELSINKI),
    "closes_at": datetime.datetime(2018, 11, 30, 23, 59, tzinfo=HELSINKI),
    "contact_person": CALL_CONTACT,
}

OPEN_CALL = {
    "slug": T(fi="teemahaku-osallisuus", sv="temautlysning-delaktighet", en="thematic-call-participation"),
    "title": T(fi="Teemahaku: osallisuutta vahvistavat käytännöt", sv="Temautlysning: praxis som stärker delaktighet", en="Thematic call: practices that strengthen participation"),
    "lead": T(
        fi="Etsimme käytäntöjä, jotka vahvistavat maahan muuttaneiden osallisuutta asuinalueilla, harrastuksissa ja päätöksenteossa.",
        sv="Vi söker metoder som stärker invandrares delaktighet i bostadsområden, fritidsverksamhet och beslutsfattande.",
        en="We are looking for practices that strengthen immigrants' participation in neighbourhoods, leisure activities and decision-making.",
    ),
    "sought": T(
        fi="<p>Kerro toimintamallista, jota olette kokeilleet ja arvioineet. Asiantuntijaraati arvioi ehdotukset kuuden hyvän käytännön kriteerin perusteella.</p>",
        sv="<p>Berätta om en verksamhetsmodell som ni har prövat och utvärderat. Expertpanelen bedömer förslagen utifrån sex kriterier för god praxis.</p>",
        en="<p>Tell us about an operating model you have tried and evaluated. The expert panel assesses the proposals against the six criteria of a good practice.</p>",
    ),
    "contact_person": CALL_CONTACT,
}
