"""The Kotona Suomessa project: Hyvä alku with its 28 pilots, Hyvä polku, reports and product cards.

Called from `home.demo.load()` once the home page exists. The pilots are built from a
small table of facts; their texts are formatted from the same pieces in every language,
so the Finnish, Swedish and English versions always have the same structure. Names of
pilots are invented; municipalities and regions are real places.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model

from cms.demo import DEMO_NAMESPACE, T, add_page, stream

from .choices import OutdatedNotice, PilotTheme, Region
from .models import PilotReportPage, ProjectPage


def load(ctx):
    documents = demo_documents(ctx)
    project = add_page(ctx, ctx.home, ProjectPage, kotona_suomessa(documents))
    add_page(ctx, project, ProjectPage, hyva_polku(documents))
    alku = add_page(ctx, project, ProjectPage, hyva_alku(documents))
    for number, facts in enumerate(PILOTS):
        add_page(ctx, alku, PilotReportPage, pilot(number, facts, documents))
    ctx["kotona_suomessa"] = project
    ctx.objects.setdefault("menu", []).append(project)


# --- Documents -------------------------------------------------------------------------

MODELLING_REPORTS = {
    PilotTheme.INITIAL_PHASE: "Mallinnusraportti: alkuvaiheen palvelukokonaisuus",
    PilotTheme.TRANSITION: "Mallinnusraportti: nivelvaiheen palvelu",
    PilotTheme.GUIDANCE: "Mallinnusraportti: ohjaus työhön, koulutukseen ja yrittäjyyteen",
}
EVALUATION_REPORT = "Hyvä alku: kehittävän arvioinnin loppuraportti"
PRODUCT_CARDS = [
    "Tuotekortti: Opi kotoutumisesta -verkkokurssi",
    "Tuotekortti: kotoutumistyön webinaarisarja",
    "Tuotekortti: alueellinen kotoutumisfoorumi",
    "Tuotekortti: kotoutumistyön podcastit",
]


def minimal_pdf(title):
    """A one-page PDF that shows `title`: a few hundred bytes, written by hand, no library needed."""
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")
    content = b"BT /F1 16 Tf 72 770 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


def demo_document(ctx, title):
    """The document with this title, created once as a small PDF."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    created = document is None
    if created:
        document = Document(title=title)
        document.file.save(f"{slugify(title)}.pdf", ContentFile(minimal_pdf(title)), save=False)
        document.save()
    ctx.progress(document, created)
    return document


def demo_documents(ctx):
    return {
        "modelling": {theme: demo_document(ctx, title) for theme, title in MODELLING_REPORTS.items()},
        "evaluation": demo_document(ctx, EVALUATION_REPORT),
        "product_cards": [demo_document(ctx, title) for title in PRODUCT_CARDS],
    }


def items(key, values):
    """ListBlock data with item ids stable across runs and languages."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}:item:{index}"))}
        for index, value in enumerate(values)
    ]


def document_list(key, title, documents):
    return ("documents", {"title": title, "documents": items(key, [document.pk for document in documents])})


def key_figures(key, title, figures):
    return (
        "key_figures",
        {"title": title, "figures": items(key, [{"figure": figure, "label": label} for figure, label in figures])},
    )


REPORTS = T(fi="Raportit", sv="Rapporter", en="Reports")
ESF = T(fi="Euroopan sosiaalirahasto", sv="Europeiska socialfonden", en="European Social Fund")
UUSIMAA_ELY = T(
    fi="Uudenmaan elinkeino-, liikenne- ja ympäristökeskus (ELY-keskus)",
    sv="Närings-, trafik- och miljöcentralen i Nyland (NTM-centralen)",
    en="Uusimaa Centre for Economic Development, Transport and the Environment (ELY Centre)",
)


# --- Project pages -----------------------------------------------------------------------


def kotona_suomessa(documents):
    return {
        "slug": T(fi="kotona-suomessa", sv="kotona-suomessa", en="kotona-suomessa"),
        "title": T(fi="Kotona Suomessa", sv="Kotona Suomessa", en="Kotona Suomessa"),
        "summary": T(
            fi="Valtakunnallinen hanke kehitti vuosina 2015–2020 palveluja ja toimintatapoja, jotka tukevat maahan muuttaneiden kotoutumista.",
            sv="Det nationella projektet utvecklade åren 2015–2020 tjänster och arbetssätt som stöder invandrares integration.",
            en="From 2015 to 2020 this national project developed services and ways of working that support immigrants' integration.",
        ),
        "start_date": datetime.date(2015, 1, 1),
        "end_date": datetime.date(2020, 12, 31),
        "funder": ESF,
        "coordinator": UUSIMAA_ELY,
        "outdated_notice": OutdatedNotice.SHOW,
        "key_figures": stream(
            "kotona-suomessa:figures",
            [
                key_figures(
                    "kotona-suomessa:figures",
                    T(fi="Hanke lukuina", sv="Projektet i siffror", en="The project in figures"),
                    [
                        ("28", T(fi="pilottihanketta", sv="pilotprojekt", en="pilot projects")),
                        ("4", T(fi="pilottihakua", sv="pilotansökningsomgångar", en="calls for pilots")),
                        ("7", T(fi="alueellista koordinaattoria", sv="regionala koordinatorer", en="regional coordinators")),
                        (
                            T(fi="n. 14 000", sv="ca 14 000", en="c. 14,000"),
                            T(fi="osallistumista koulutuksiin ja tilaisuuksiin", sv="deltaganden i utbildningar och evenemang", en="participations in trainings and events"),
                        ),
                        ("5", T(fi="podcastia", sv="poddar", en="podcasts")),
                        ("2015–2020", T(fi="hankevuodet", sv="projektåren", en="project years")),
                    ],
                )
            ],
        ),
        "body": stream(
            "kotona-suomessa:body",
            [
                (
                    "paragraph",
                    T(
                        fi=(
                            "<p>Hanke jakautui kahteen osaan. Hyvä alku kokeili uusia palvelumalleja pilottihankkeissa, "
                            "ja Hyvä polku vahvisti kotoutumistyön osaamista alueilla koulutuksin, verkostoin ja viestinnän keinoin.</p>"
                            "<p>Hankkeen YouTube-kanavalla julkaistiin muun muassa Ymmärrä Suomea -videosarja 14 kielellä.</p>"
                        ),
                        sv=(
                            "<p>Projektet bestod av två delar. Hyvä alku prövade nya servicemodeller i pilotprojekt, "
                            "och Hyvä polku stärkte kunnandet i integrationsarbetet i regionerna med utbildningar, nätverk och kommunikation.</p>"
                            "<p>På projektets YouTube-kanal publicerades bland annat videoserien Ymmärrä Suomea på 14 språk.</p>"
                        ),
                        en=(
                            "<p>The project had two parts. Hyvä alku (Good start) tried out new service models in pilot projects, "
                            "and Hyvä polku (Good path) built up integration know-how in the regions through training, networks and communication.</p>"
                            "<p>The project's YouTube channel published, among others, the video series Ymmärrä Suomea in 14 languages.</p>"
                        ),
                    ),
                ),
            ],
        ),
        "documents": stream(
            "kotona-suomessa:documents",
            [document_list("kotona-suomessa:documents", REPORTS, [documents["evaluation"]])],
        ),
    }


def hyva_alku(documents):
    modelling = list(documents["modelling"].values())
    return {
        "slug": T(fi="hyva-alku", sv="hyva-alku", en="hyva-alku"),
        "title": T(fi="Hyvä alku", sv="Hyvä alku", en="Hyvä alku (Good start)"),
        "summary": T(
            fi="Neljä pilottihakua tuotti 28 itsenäistä pilottihanketta, jotka kehittivät kotoutumisen alkuvaiheen palveluja.",
            sv="Fyra ansökningsomgångar gav 28 självständiga pilotprojekt som utvecklade tjänsterna i integrationens inledande skede.",
            en="Four calls for pilots produced 28 independent pilot projects that developed services for the first phase of integration.",
        ),
        "start_date": datetime.date(2015, 1, 1),
        "end_date": datetime.date(2020, 12, 31),
        "funder": ESF,
        "coordinator": UUSIMAA_ELY,
        "body": stream(
            "hyva-alku:body",
            [
                (
                    "paragraph",
                    T(
                        fi=(
                            "<p>Pilotit kehittivät alkuvaiheen palvelukokonaisuutta, kotoutumiskoulutuksen jälkeistä nivelvaiheen palvelua "
                            "sekä malleja, joilla kotoutumiskoulutuksen ulkopuolella olevia ohjataan työhön, koulutukseen tai yrittäjyyteen. "
                            "Tulokset koottiin kolmeen mallinnusraporttiin, ja kehittävä arviointi keväästä 2016 alkaen päättyi loppuraporttiin.</p>"
                            "<p>Hanke kokosi myös monikieliset materiaalit suomalaisesta yhteiskunnasta ja kulttuurista sekä vinkkejä "
                            "yhteiskuntaorientaation järjestämiseen etänä asiakkaan omalla kielellä.</p>"
                        ),
                        sv=(
                            "<p>Piloterna utvecklade ett servicepaket för det inledande skedet, en övergångstjänst efter integrationsutbildningen "
                            "och modeller som vägleder invandrare utanför integrationsutbildningen till arbete, utbildning eller företagande. "
                            "Resultaten sammanställdes i tre modelleringsrapporter, och den utvecklande utvärderingen från våren 2016 avslutades med en slutrapport.</p>"
                            "<p>Projektet sammanställde också flerspråkigt material om det finländska samhället och kulturen samt tips för "
                            "samhällsorientering på distans på klientens eget språk.</p>"
                        ),
                        en=(
                            "<p>The pilots developed an initial-phase service package, a transition service after integration training "
                            "and models that guide immigrants outside integration training to work, education or entrepreneurship. "
                            "The results were compiled into three modelling reports, and the developmental evaluation begun in spring 2016 ended with a final report.</p>"
                            "<p>The project also compiled multilingual materials on Finnish society and culture, and tips for "
                            "remote civic orientation in the client's own language.</p>"
                        ),
                    ),
                ),
            ],
        ),
        "documents": stream(
            "hyva-alku:documents",
            [
                document_list(
                    "hyva-alku:modelling",
                    T(fi="Mallinnusraportit", sv="Modelleringsrapporter", en="Modelling reports"),
                    modelling,
                ),
                document_list(
                    "hyva-alku:evaluation",
                    T(fi="Arviointi", sv="Utvärdering", en="Evaluation"),
                    [documents["evaluation"]],
                ),
            ],
        ),
    }


def hyva_polku(documents):
    return {
        "slug": T(fi="hyva-polku", sv="hyva-polku", en="hyva-polku"),
        "title": T(fi="Hyvä polku", sv="Hyvä polku", en="Hyvä polku (Good path)"),
        "summary": T(
            fi="Seitsemän alueellista koordinaattoria vahvisti kotoutumistyön osaamista ELY-keskusten laajennetuilla maahanmuuttoalueilla.",
            sv="Sju regionala koordinatorer stärkte kunnandet i integrationsarbetet i NTM-centralernas utvidgade invandringsregioner.",
            en="Seven regional coordinators strengthened integration know-how in the ELY Centres' extended immigration regions.",
        ),
        "start_date": datetime.date(2015, 1, 1),
        "end_date": datetime.date(2020, 12, 31),
        "funder": ESF,
        "coordinator": UUSIMAA_ELY,
        "key_figures": stream(
            "hyva-polku:figures",
            [
                key_figures(
                    "hyva-polku:figures",
                    T(fi="Hyvä polku lukuina", sv="Hyvä polku i siffror", en="Hyvä polku in figures"),
                    [
                        ("7", T(fi="alueellista koordinaattoria", sv="regionala koordinatorer", en="regional coordinators")),
                        (
                            T(fi="n. 14 000", sv="ca 14 000", en="c. 14,000"),
                            T(fi="osallistumista", sv="deltaganden", en="participations"),
                        ),
                        ("5", T(fi="podcastia", sv="poddar", en="podcasts")),
                    ],
                )
            ],
        ),
        "body": stream(
            "hyva-polku:body",
            [
                (
                    "paragraph",
                    T(
                        fi=(
                            "<p>Hyvä polku järjesti vuosina 2015–2020 satoja koulutuksia ja tilaisuuksia, rakensi alueellisia verkostoja "
                            "ja jakoi tietoa. Uusille kotoutumistyöntekijöille tehtiin Opi kotoutumisesta -verkkokurssi, ja lisäksi "
                            "julkaistiin webinaareja ja viisi podcastia. Hyviksi todetut koulutus- ja tilaisuuskonseptit kuvattiin tuotekorteiksi.</p>"
                        ),
                        sv=(
                            "<p>Hyvä polku ordnade åren 2015–2020 hundratals utbildningar och evenemang, byggde regionala nätverk "
                            "och spred information. För nya integrationsarbetare gjordes webbkursen Opi kotoutumisesta, och dessutom "
                            "publicerades webbinarier och fem poddar. Utbildnings- och evenemangskoncept som visat sig fungera beskrevs i produktkort.</p>"
                        ),
                        en=(
                            "<p>From 2015 to 2020 Hyvä polku held hundreds of trainings and events, built regional networks "
                            "and shared information. The online course Opi kotoutumisesta was made for new integration workers, and "
                            "webinars and five podcasts were published. Training and event concepts that proved to work were described in product cards.</p>"
                        ),
                    ),
                ),
            ],
        ),
        "documents": stream(
            "hyva-polku:documents",
            [
                document_list(
                    "hyva-polku:product-cards",
                    T(fi="Tuotekortit", sv="Produktkort", en="Product cards"),
                    documents["product_cards"],
                )
            ],
        ),
    }


# --- Pilots ------------------------------------------------------------------------------

# Invented pilot names, one stem per kind of work; the title adds the municipality.
STEMS = {
    PilotTheme.INITIAL_PHASE: [
        T(fi="Ensiaskeleet", sv="Första stegen", en="First Steps"),
        T(fi="Yhden oven alku", sv="En dörr in", en="One Door In"),
    ],
    PilotTheme.TRANSITION: [
        T(fi="Polku eteenpäin", sv="Vägen vidare", en="The Way Forward"),
        T(fi="Taidot käyttöön", sv="Kunnandet i bruk", en="Skills into Use"),
    ],
    PilotTheme.GUIDANCE: [
        T(fi="Askel työhön", sv="Steg mot arbete", en="Step into Work"),
        T(fi="Opintopolku", sv="Studievägen", en="Study Path"),
        T(fi="Oma yritys", sv="Eget företag", en="Own Business"),
    ],
}

WHAT_WAS_DEVELOPED = {
    PilotTheme.INITIAL_PHASE: T(
        fi="alkuvaiheen palvelukokonaisuutta, jossa maahan muuttanut saa ohjausta ja neuvontaa ensimmäisistä viikoista alkaen",
        sv="ett servicepaket för det inledande skedet, där en invandrare får handledning och rådgivning från de första veckorna",
        en="an initial-phase service package that gives newcomers guidance and advice from their first weeks",
    ),
    PilotTheme.TRANSITION: T(
        fi="nivelvaiheen palvelua, joka tukee siirtymää kotoutumiskoulutuksesta työhön tai jatko-opintoihin",
        sv="en övergångstjänst som stöder steget från integrationsutbildningen till arbete eller fortsatta studier",
        en="a transition service that supports the step from integration training to work or further studies",
    ),
    PilotTheme.GUIDANCE: T(
        fi="mallia, jolla kotoutumiskoulutuksen ulkopuolella olevia ohjataan työhön, koulutukseen tai yrittäjyyteen",
        sv="en modell som vägleder invandrare utanför integrationsutbildningen till arbete, utbildning eller företagande",
        en="a model that guides immigrants outside integration training to work, education or entrepreneurship",
    ),
}

FINDINGS = {
    PilotTheme.INITIAL_PHASE: T(
        fi="Yhteinen palvelupiste ja neuvonta asiakkaan omalla kielellä lyhensivät aikaa palveluihin pääsyyn.",
        sv="En gemensam servicepunkt och rådgivning på klientens eget språk förkortade tiden till tjänsterna.",
        en="A shared service point and advice in the client's own language shortened the time it took to reach services.",
    ),
    PilotTheme.TRANSITION: T(
        fi="Henkilökohtainen ohjaaja koulutuksen lopussa vähensi katkoksia siirryttäessä seuraavaan vaiheeseen.",
        sv="En personlig handledare i slutet av utbildningen minskade avbrotten vid övergången till nästa steg.",
        en="A personal counsellor at the end of training reduced breaks in the move to the next step.",
    ),
    PilotTheme.GUIDANCE: T(
        fi="Etsivä työ järjestöjen kanssa tavoitti kotona olevia vanhempia, joita palvelut eivät aiemmin tavoittaneet.",
        sv="Uppsökande arbete tillsammans med organisationer nådde föräldrar i hemmet som tjänsterna tidigare inte nått.",
        en="Outreach work with NGOs reached parents at home whom services had not reached before.",
    ),
}

ORDINALS = {
    1: T(fi="1.", sv="1:a", en="first"),
    2: T(fi="2.", sv="2:a", en="second"),
    3: T(fi="3.", sv="3:e", en="third"),
    4: T(fi="4.", sv="4:e", en="fourth"),
}

PERIODS = {
    1: (datetime.date(2015, 9, 1), datetime.date(2016, 12, 31)),
    2: (datetime.date(2016, 6, 1), datetime.date(2017, 12, 31)),
    3: (datetime.date(2017, 3, 1), datetime.date(2018, 8, 31)),
    4: (datetime.date(2018, 1, 1), datetime.date(2019, 6, 30)),
}

# (municipality in fi / its genitive / sv / en, region); seven pilots per call.
MUNICIPALITIES = [
    (("Vantaa", "Vantaan", "Vanda", "Vantaa"), Region.UUSIMAA),
    (("Turku", "Turun", "Åbo", "Turku"), Region.SOUTHWEST_FINLAND),
    (("Tampere", "Tampereen", "Tammerfors", "Tampere"), Region.PIRKANMAA),
    (("Oulu", "Oulun", "Uleåborg", "Oulu"), Region.NORTH_OSTROBOTHNIA),
    (("Kuopio", "Kuopion", "Kuopio", "Kuopio"), Region.NORTH_SAVO),
    (("Joensuu", "Joensuun", "Joensuu", "Joensuu"), Region.NORTH_KARELIA),
    (("Rovaniemi", "Rovaniemen", "Rovaniemi", "Rovaniemi"), Region.LAPLAND),
    (("Espoo", "Espoon", "Esbo", "Espoo"), Region.UUSIMAA),
    (("Lahti", "Lahden", "Lahtis", "Lahti"), Region.PAIJAT_HAME),
    (("Jyväskylä", "Jyväskylän", "Jyväskylä", "Jyväskylä"), Region.CENTRAL_FINLAND),
    (("Vaasa", "Vaasan", "Vasa", "Vaasa"), Region.OSTROBOTHNIA),
    (("Pori", "Porin", "Björneborg", "Pori"), Region.SATAKUNTA),
    (("Kotka", "Kotkan", "Kotka", "Kotka"), Region.KYMENLAAKSO),
    (("Mikkeli", "Mikkelin", "S:t Michel", "Mikkeli"), Region.SOUTH_SAVO),
    (("Helsinki", "Helsingin", "Helsingfors", "Helsinki"), Region.UUSIMAA),
    (("Hämeenlinna", "Hämeenlinnan", "Tavastehus", "Hämeenlinna"), Region.KANTA_HAME),
    (("Lappeenranta", "Lappeenrannan", "Villmanstrand", "Lappeenranta"), Region.SOUTH_KARELIA),
    (("Seinäjoki", "Seinäjoen", "Seinäjoki", "Seinäjoki"), Region.SOUTH_OSTROBOTHNIA),
    (("Kokkola", "Kokkolan", "Karleby", "Kokkola"), Region.CENTRAL_OSTROBOTHNIA),
    (("Kajaani", "Kajaanin", "Kajana", "Kajaani"), Region.KAINUU),
    (("Salo", "Salon", "Salo", "Salo"), Region.SOUTHWEST_FINLAND),
    (("Porvoo", "Porvoon", "Borgå", "Porvoo"), Region.UUSIMAA),
    (("Pietarsaari", "Pietarsaaren", "Jakobstad", "Pietarsaari"), Region.OSTROBOTHNIA),
    (("Kouvola", "Kouvolan", "Kouvola", "Kouvola"), Region.KYMENLAAKSO),
    (("Rauma", "Rauman", "Raumo", "Rauma"), Region.SATAKUNTA),
    (("Savonlinna", "Savonlinnan", "Nyslott", "Savonlinna"), Region.SOUTH_SAVO),
    (("Kemi", "Kemin", "Kemi", "Kemi"), Region.LAPLAND),
    (("Kerava", "Keravan", "Kervo", "Kerava"), Region.UUSIMAA),
]

THEME_CYCLE = [PilotTheme.INITIAL_PHASE, PilotTheme.TRANSITION, PilotTheme.GUIDANCE]

# (call round, theme, municipality) for each of the 28 pilots.
PILOTS = [
    (1 + index // 7, THEME_CYCLE[index % 3], municipality) for index, municipality in enumerate(MUNICIPALITIES)
]


def pilot(number, facts, documents):
    call_round, theme, ((fi, fi_genitive, sv, en), region) = facts
    stems = STEMS[theme]
    stem = stems[number % len(stems)]
    start, end = PERIODS[call_round]
    ordinal, developed, findings = ORDINALS[call_round], WHAT_WAS_DEVELOPED[theme], FINDINGS[theme]
    title = T(fi=f"{stem.fi} – {fi}", sv=f"{stem.sv} – {sv}", en=f"{stem.en} – {en}")
    return {
        "slug": T(fi=slugify(title.fi), sv=slugify(title.sv), en=slugify(title.en)),
        "title": title,
        "organisations": T(
            fi=f"{fi_genitive} kaupunki, {fi_genitive} TE-toimisto",
            sv=f"{sv} stad, TE-byrån i {sv}",
            en=f"City of {en}, {en} TE Office",
        ),
        "municipality": T(fi=fi, sv=sv, en=en),
        "region": region,
        "call_round": call_round,
        "theme": theme,
        "start_date": start,
        "end_date": end,
        "summary": T(
            fi=f"Kotona Suomessa -hankkeen {ordinal.fi} pilottihaun hanke {fi_genitive} seudulla. Pilotti kehitti {developed.fi}.",
            sv=f"Ett projekt i {sv} från Kotona Suomessas {ordinal.sv} pilotansökningsomgång. Piloten utvecklade {developed.sv}.",
            en=f"A pilot in {en} from the Kotona Suomessa project's {ordinal.en} call. It developed {developed.en}.",
        ),
        "findings": T(fi=f"<p>{findings.fi}</p>", sv=f"<p>{findings.sv}</p>", en=f"<p>{findings.en}</p>"),
        "documents": stream(
            f"pilot-{number}:documents",
            [
                document_list(
                    f"pilot-{number}:documents",
                    REPORTS,
                    [documents["modelling"][theme], documents["evaluation"]],
                )
            ],
        ),
    }
