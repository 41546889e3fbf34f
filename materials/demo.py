"""The material registry: the Kotona Suomessa videos in up to 14 languages, publications, podcasts, course.

"Ymmärrä Suomea" (7 videos × 14 languages), "Hyvinvointia rakentamassa" (8 languages),
"Viranomaisen ja tulkin rooli" (10 languages), the series' published Finnish texts, the
online course "Opi kotoutumisesta", five podcasts, product cards and the compilation of
multilingual materials. The video addresses are made up (no network is needed); the
episode titles are invented. Language versions are built in memory and saved with
their page in one go, so the 98 versions of the series take seconds, not minutes.
"""

import base64
import datetime
import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.demo import T, add_page, add_snippet

from .models import MaterialIndexPage, MaterialPage, MaterialSeries, MaterialTheme, MaterialType, MaterialVersion

ORDER = 40

# The languages of "Ymmärrä Suomea", in the order the project listed them.
SERIES_LANGUAGES = ["fi", "sv", "ar", "so", "en", "ru", "kmr", "prs", "ckb", "et", "fr", "ti", "th", "zh"]
WELFARE_LANGUAGES = ["fi", "sv", "en", "ar", "so", "ru", "prs", "et"]
INTERPRETER_LANGUAGES = ["fi", "sv", "en", "ar", "so", "ru", "prs", "ckb", "kmr", "ti"]

PRODUCER = T(fi="Uudenmaan ELY-keskus", sv="NTM-centralen i Nyland", en="Uusimaa ELY Centre")
PROJECT = T(fi="Kotona Suomessa", sv="Kotona Suomessa", en="Kotona Suomessa")


def load(ctx):
    themes = {slug: add_snippet(ctx, MaterialTheme, {"slug": slug}, {"slug": slug, "name": name}) for slug, name in THEMES}
    series = {
        slug: add_snippet(ctx, MaterialSeries, {"slug": slug}, {"slug": slug, **spec}) for slug, spec in SERIES.items()
    }
    index = add_page(ctx, ctx.home, MaterialIndexPage, INDEX)
    ctx["materials_index"] = index
    ctx.objects.setdefault("menu", []).append(index)
    existing = set(index.get_children().values_list("slug", flat=True))
    for spec in material_specs():
        slug = spec["slug"].fi
        if slug in existing:
            ctx.progress(index.get_children().get(slug=slug).specific, False)
            continue
        theme_slugs = spec.pop("theme_slugs")
        series_slug = spec.pop("series_slug", None)
        spec["themes"] = [themes[theme] for theme in theme_slugs]
        spec["series"] = series[series_slug] if series_slug else None
        spec["versions"] = [MaterialVersion(**version) for version in spec.pop("version_specs")]
        add_page(ctx, index, MaterialPage, spec)


def video_url(key):
    """A made-up but well-formed YouTube address, the same on every run."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()).decode()
    return f"https://www.youtube.com/watch?v={digest[:11]}"


def document(title, filename, content):
    """A small Wagtail document, found by title on later runs."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    doc = Document(title=title, file=ContentFile(content, name=filename))
    doc._set_document_file_metadata()
    doc.save()
    return doc


def pdf(text):
    """A one-page PDF saying `text` (ASCII), enough for a download link to work."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def webvtt(lines):
    cues = [f"00:00:{2 * i:02}.000 --> 00:00:{2 * i + 2:02}.000\n{line}" for i, line in enumerate(lines)]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


def video_versions(key, languages, transcripts=None, subtitles=None):
    transcripts = transcripts or {}
    versions = []
    for number, language in enumerate(languages):
        version = {
            "language": language,
            "video_url": video_url(f"{key}:{language}"),
            "duration": datetime.timedelta(minutes=4 + len(key) % 4, seconds=(7 * number) % 60),
            "transcript": transcripts.get(language, ""),
            "sort_order": number,
        }
        if subtitles and language in subtitles:
            version["subtitle_file"] = subtitles[language]
        versions.append(version)
    return versions


def material_specs():
    specs = []
    for position, episode in enumerate(EPISODES, start=1):
        key = f"ymmarra-suomea-{position}"
        subtitles = document(
            f"Ymmärrä Suomea {position}: tekstitys (suomi)",
            f"ymmarra-suomea-{position}-fi.vtt",
            webvtt([episode["title"].fi, episode["transcript"].fi]),
        )
        specs.append(
            {
                "slug": episode["slug"],
                "title": episode["title"],
                "description": episode["description"],
                "material_type": MaterialType.VIDEO,
                "producer": PRODUCER,
                "source_project": PROJECT,
                "year": 2019,
                "series_slug": "ymmarra-suomea",
                "series_position": position,
                "theme_slugs": episode["themes"],
                "version_specs": video_versions(
                    key,
                    SERIES_LANGUAGES,
                    transcripts={
                        "fi": f"<p>{episode['transcript'].fi}</p>",
                        "sv": f"<p>{episode['transcript'].sv}</p>",
                        "en": f"<p>{episode['transcript'].en}</p>",
                    },
                    subtitles={"fi": subtitles},
                ),
            }
        )
    specs.append(
        {
            **WELFARE,
            "material_type": MaterialType.VIDEO,
            "producer": PRODUCER,
            "source_project": PROJECT,
            "year": 2017,
            "theme_slugs": ["yhteiskunta"],
            "version_specs": video_versions("hyvinvointia-rakentamassa", WELFARE_LANGUAGES),
        }
    )
    specs.append(
        {
            **INTERPRETER,
            "material_type": MaterialType.VIDEO,
            "producer": PRODUCER,
            "source_project": PROJECT,
            "year": 2018,
            "theme_slugs": ["viranomaiset", "kotoutumistyo"],
            "version_specs": video_versions("viranomaisen-ja-tulkin-rooli", INTERPRETER_LANGUAGES),
        }
    )
    texts = document(
        "Ymmärrä Suomea: videoiden suomenkieliset tekstit",
        "ymmarra-suomea-tekstit.pdf",
        pdf("Ymmarra Suomea - videosarjan suomenkieliset tekstit"),
    )
    specs.append(
        {
            **SERIES_TEXTS,
            "material_type": MaterialType.PUBLICATION,
            "producer": PRODUCER,
            "source_project": PROJECT,
            "year": 2019,
            "series_slug": "ymmarra-suomea",
            "series_position": 8,
            "theme_slugs": ["yhteiskunta"],
            "version_specs": [{"language": "fi", "media_file": texts}],
        }
    )
    specs.append(
        {
            **COURSE,
            "material_type": MaterialType.ONLINE_COURSE,
            "producer": PRODUCER,
            "source_project": PROJECT,
            "year": 2020,
            "theme_slugs": ["kotoutumistyo"],
            "version_specs": [{"language": "fi", "video_url": "https://opi-kotoutumisesta.example/"}],
        }
    )
    for number, podcast in enumerate(PODCASTS, start=1):
        specs.append(
            {
                **podcast,
                "material_type": MaterialType.PODCAST,
                "producer": PRODUCER,
                "source_project": PROJECT,
                "year": 2020,
                "series_slug": "hyva-polku-podcast",
                "series_position": number,
                "theme_slugs": ["kotoutumistyo"],
                "version_specs": [
                    {
                        "language": "fi",
                        "video_url": f"https://podcast.example/hyva-polku/{number}",
                        "duration": datetime.timedelta(minutes=25 + 3 * number),
                    }
                ],
            }
        )
    for number, card in enumerate(PRODUCT_CARDS, start=1):
        card_pdf = document(card["title"].fi, f"tuotekortti-{number}.pdf", pdf(f"Tuotekortti {number}"))
        specs.append(
            {
                **card,
                "material_type": MaterialType.PRODUCT_CARD,
                "producer": PRODUCER,
                "source_project": PROJECT,
                "year": 2020,
                "theme_slugs": ["kotoutumistyo"],
                "version_specs": [{"language": "fi", "media_file": card_pdf}],
            }
        )
    compilation = document(
        "Monikielisten materiaalien kooste", "monikieliset-materiaalit.pdf", pdf("Monikielisten materiaalien kooste")
    )
    specs.append(
        {
            **COMPILATION,
            "material_type": MaterialType.GUIDE,
            "producer": PRODUCER,
            "source_project": PROJECT,
            "year": 2019,
            "theme_slugs": ["yhteiskunta", "kotoutumistyo"],
            "version_specs": [{"language": "fi", "media_file": compilation}],
        }
    )
    return specs


THEMES = [
    ("yhteiskunta", T(fi="Suomalainen yhteiskunta", sv="Det finländska samhället", en="Finnish society")),
    ("tyo", T(fi="Työ ja toimeentulo", sv="Arbete och utkomst", en="Work and livelihood")),
    ("koulutus", T(fi="Koulutus", sv="Utbildning", en="Education")),
    ("perhe", T(fi="Perhe ja arki", sv="Familj och vardag", en="Family and everyday life")),
    ("terveys", T(fi="Terveys ja hyvinvointi", sv="Hälsa och välbefinnande", en="Health and wellbeing")),
    ("viranomaiset", T(fi="Viranomaiset ja palvelut", sv="Myndigheter och tjänster", en="Authorities and services")),
    ("kotoutumistyo", T(fi="Kotoutumistyön osaaminen", sv="Kompetens i integrationsarbetet", en="Expertise in integration work")),
]

SERIES = {
    "ymmarra-suomea": {
        "name": T(fi="Ymmärrä Suomea", sv="Förstå Finland", en="Understanding Finland"),
        "description": T(
            fi="Seitsemän lyhyttä videota suomalaisesta yhteiskunnasta 14 kielellä.",
            sv="Sju korta videor om det finländska samhället på 14 språk.",
            en="Seven short videos about Finnish society in 14 languages.",
        ),
    },
    "hyva-polku-podcast": {
        "name": T(fi="Hyvä polku -podcast", sv="Podcasten Hyvä polku", en="The Hyvä polku podcast"),
        "description": T(
            fi="Viisi jaksoa kotoutumistyöstä alueilla.",
            sv="Fem avsnitt om integrationsarbetet i regionerna.",
            en="Five episodes about integration work in the regions.",
        ),
    },
}

INDEX = {
    "slug": T(fi="materiaalit", sv="material", en="materials"),
    "title": T(fi="Monikieliset materiaalit", sv="Flerspråkigt material", en="Multilingual materials"),
    "lead": T(
        fi="Videoita, julkaisuja ja podcasteja kotoutumisesta. Valitse kieli, niin näet kaiken, mitä sillä kielellä on saatavilla.",
        sv="Videor, publikationer och podcaster om integration. Välj ett språk så ser du allt som finns på det språket.",
        en="Videos, publications and podcasts about integration. Choose a language to see everything available in it.",
    ),
    "search_description": T(
        fi="Kotona Suomessa -hankkeen monikieliset videot ja materiaalit suodatettavina kielen, tyypin ja teeman mukaan.",
        sv="Projektet Kotona Suomessas flerspråkiga videor och material, filtrerbara efter språk, typ och tema.",
        en="The Kotona Suomessa project's multilingual videos and materials, filterable by language, type and theme.",
    ),
}


def episode(slug, title, themes, description, transcript):
    return {"slug": slug, "title": title, "themes": themes, "description": description, "transcript": transcript}


EPISODES = [
    episode(
        T(fi="yhteiskunta-ja-demokratia", sv="samhallet-och-demokratin", en="society-and-democracy"),
        T(fi="Yhteiskunta ja demokratia", sv="Samhället och demokratin", en="Society and democracy"),
        ["yhteiskunta"],
        T(
            fi="<p>Miten Suomessa päätetään yhteisistä asioista ja miten jokainen voi vaikuttaa.</p>",
            sv="<p>Hur gemensamma frågor avgörs i Finland och hur var och en kan påverka.</p>",
            en="<p>How shared matters are decided in Finland and how everyone can have a say.</p>",
        ),
        T(
            fi="Suomessa kunnat, eduskunta ja kansalaiset päättävät yhdessä.",
            sv="I Finland beslutar kommunerna, riksdagen och medborgarna tillsammans.",
            en="In Finland, municipalities, parliament and citizens decide together.",
        ),
    ),
    episode(
        T(fi="tyoelama", sv="arbetslivet", en="working-life"),
        T(fi="Työelämä Suomessa", sv="Arbetslivet i Finland", en="Working life in Finland"),
        ["tyo"],
        T(
            fi="<p>Työsopimus, palkka, työaika ja työntekijän oikeudet lyhyesti.</p>",
            sv="<p>Arbetsavtal, lön, arbetstid och arbetstagarens rättigheter i korthet.</p>",
            en="<p>Employment contracts, pay, working hours and employees' rights in brief.</p>",
        ),
        T(
            fi="Työsopimus kannattaa tehdä aina kirjallisena.",
            sv="Det lönar sig alltid att göra arbetsavtalet skriftligt.",
            en="It is always wise to make the employment contract in writing.",
        ),
    ),
    episode(
        T(fi="koulutus-ja-oppiminen", sv="utbildning-och-larande", en="education-and-learning"),
        T(fi="Koulutus ja oppiminen", sv="Utbildning och lärande", en="Education and learning"),
        ["koulutus"],
        T(
            fi="<p>Varhaiskasvatuksesta aikuiskoulutukseen: suomalainen koulutuspolku.</p>",
            sv="<p>Från småbarnspedagogik till vuxenutbildning: den finländska utbildningsvägen.</p>",
            en="<p>From early childhood education to adult education: the Finnish education path.</p>",
        ),
        T(
            fi="Peruskoulu on maksuton ja kaikille yhteinen.",
            sv="Grundskolan är avgiftsfri och gemensam för alla.",
            en="Basic education is free of charge and the same for everyone.",
        ),
    ),
    episode(
        T(fi="perhe-ja-lapset", sv="familjen-och-barnen", en="family-and-children"),
        T(fi="Perhe ja lapset", sv="Familjen och barnen", en="Family and children"),
        ["perhe"],
        T(
            fi="<p>Neuvola, lapsen oikeudet ja perheiden tuet Suomessa.</p>",
            sv="<p>Rådgivningen, barnets rättigheter och stödet till familjer i Finland.</p>",
            en="<p>Child health clinics, children's rights and support for families in Finland.</p>",
        ),
        T(
            fi="Neuvola seuraa lapsen kasvua ja tukee vanhempia.",
            sv="Rådgivningen följer barnets växande och stöder föräldrarna.",
            en="The child health clinic follows the child's growth and supports the parents.",
        ),
    ),
    episode(
        T(fi="terveys-ja-hyvinvointi", sv="halsa-och-valfard", en="health-and-wellbeing"),
        T(fi="Terveys ja hyvinvointipalvelut", sv="Hälsa och välfärdstjänster", en="Health and wellbeing services"),
        ["terveys"],
        T(
            fi="<p>Miten terveyspalveluihin hakeudutaan ja mistä saa apua kiireellisissä tilanteissa.</p>",
            sv="<p>Hur man söker sig till hälsotjänster och var man får hjälp i brådskande fall.</p>",
            en="<p>How to use health services and where to get help in an emergency.</p>",
        ),
        T(
            fi="Hätänumero Suomessa on 112.",
            sv="Nödnumret i Finland är 112.",
            en="The emergency number in Finland is 112.",
        ),
    ),
    episode(
        T(fi="asuminen-ja-arki", sv="boende-och-vardag", en="housing-and-everyday-life"),
        T(fi="Asuminen ja arki", sv="Boende och vardag", en="Housing and everyday life"),
        ["perhe"],
        T(
            fi="<p>Vuokrasopimus, taloyhtiön säännöt ja naapurit.</p>",
            sv="<p>Hyresavtalet, husbolagets regler och grannarna.</p>",
            en="<p>Tenancy agreements, the housing company's rules and neighbours.</p>",
        ),
        T(
            fi="Taloyhtiön järjestyssäännöt kertovat yhteisistä tavoista.",
            sv="Husbolagets ordningsregler berättar om gemensamma seder.",
            en="The housing company's rules describe shared ways of living.",
        ),
    ),
    episode(
        T(fi="oikeudet-ja-velvollisuudet", sv="rattigheter-och-skyldigheter", en="rights-and-responsibilities"),
        T(fi="Oikeudet ja velvollisuudet", sv="Rättigheter och skyldigheter", en="Rights and responsibilities"),
        ["yhteiskunta", "viranomaiset"],
        T(
            fi="<p>Yhdenvertaisuus, tasa-arvo ja se, mitä yhteiskunta odottaa jokaiselta.</p>",
            sv="<p>Likabehandling, jämställdhet och vad samhället väntar sig av var och en.</p>",
            en="<p>Equal treatment, gender equality and what society expects of everyone.</p>",
        ),
        T(
            fi="Kaikki ovat lain edessä yhdenvertaisia.",
            sv="Alla är lika inför lagen.",
            en="Everyone is equal before the law.",
        ),
    ),
]

WELFARE = {
    "slug": T(fi="hyvinvointia-rakentamassa", sv="att-bygga-valfard", en="building-welfare"),
    "title": T(
        fi="Hyvinvointia rakentamassa: Suomen ja Virtasten vuosisata",
        sv="Att bygga välfärd: Finlands och familjen Virtanens sekel",
        en="Building welfare: a century of Finland and the Virtanen family",
    ),
    "description": T(
        fi="<p>Yhden kuvitteellisen suvun tarina näyttää, miten suomalainen hyvinvointivaltio rakentui sadassa vuodessa.</p>",
        sv="<p>Berättelsen om en påhittad släkt visar hur den finländska välfärdsstaten byggdes upp under hundra år.</p>",
        en="<p>The story of one fictional family shows how the Finnish welfare state was built over a hundred years.</p>",
    ),
}

INTERPRETER = {
    "slug": T(fi="viranomaisen-ja-tulkin-rooli", sv="myndighetens-och-tolkens-roll", en="role-of-authority-and-interpreter"),
    "title": T(
        fi="Viranomaisen ja tulkin rooli",
        sv="Myndighetens och tolkens roll",
        en="The role of the authority and the interpreter",
    ),
    "description": T(
        fi="<p>Mitä tulkattu asiointi tarkoittaa: tulkki välittää kaiken puhutun, ja viranomainen vastaa asian käsittelystä.</p>",
        sv="<p>Vad tolkad service innebär: tolken förmedlar allt som sägs och myndigheten ansvarar för ärendet.</p>",
        en="<p>What an interpreted appointment means: the interpreter conveys everything said and the authority is responsible for the case.</p>",
    ),
}

SERIES_TEXTS = {
    "slug": T(fi="ymmarra-suomea-tekstit", sv="forsta-finland-texter", en="understanding-finland-texts"),
    "title": T(
        fi="Ymmärrä Suomea -videoiden suomenkieliset tekstit",
        sv="De finska texterna till videorna Förstå Finland",
        en="The Finnish texts of the Understanding Finland videos",
    ),
    "description": T(
        fi="<p>Videosarjan puhe kirjoitettuna suomeksi, esimerkiksi kielenopetuksen tueksi.</p>",
        sv="<p>Videoseriens tal nedskrivet på finska, till exempel som stöd för språkundervisningen.</p>",
        en="<p>The speech of the video series written out in Finnish, for example to support language teaching.</p>",
    ),
}

COURSE = {
    "slug": T(fi="opi-kotoutumisesta", sv="lar-dig-om-integration", en="learn-about-integration"),
    "title": T(fi="Opi kotoutumisesta", sv="Opi kotoutumisesta – lär dig om integration", en="Opi kotoutumisesta – learn about integration"),
    "description": T(
        fi="<p>Verkkokurssi uusille kotoutumistyön ammattilaisille: lainsäädäntö, palvelut ja asiakkaan kohtaaminen.</p>",
        sv="<p>En webbkurs för nya yrkesverksamma inom integrationsarbetet: lagstiftning, tjänster och bemötande.</p>",
        en="<p>An online course for people new to integration work: legislation, services and meeting clients.</p>",
    ),
}

PODCASTS = [
    {
        "slug": T(fi=f"podcast-{slug_fi}", sv=f"podcast-{slug_sv}", en=f"podcast-{slug_en}"),
        "title": title,
        "description": description,
    }
    for (slug_fi, slug_sv, slug_en), title, description in [
        (
            ("kotoutumistyon-monet-kasvot", "integrationsarbetets-manga-ansikten", "many-faces-of-integration-work"),
            T(fi="Kotoutumistyön monet kasvot", sv="Integrationsarbetets många ansikten", en="The many faces of integration work"),
            T(
                fi="<p>Kolme kotoutumistyön ammattilaista kertoo työstään.</p>",
                sv="<p>Tre yrkesverksamma inom integrationsarbetet berättar om sitt arbete.</p>",
                en="<p>Three integration professionals talk about their work.</p>",
            ),
        ),
        (
            ("alueellinen-yhteistyo", "regionalt-samarbete", "regional-cooperation"),
            T(fi="Alueellinen yhteistyö kantaa", sv="Regionalt samarbete bär", en="Regional cooperation carries"),
            T(
                fi="<p>Seitsemän aluekoordinaattorin kokemuksia verkostojen rakentamisesta.</p>",
                sv="<p>Sju regionala koordinatorers erfarenheter av att bygga nätverk.</p>",
                en="<p>Seven regional coordinators on building networks.</p>",
            ),
        ),
        (
            ("kohtaaminen-asiakastyossa", "bemotande-i-klientarbetet", "meeting-clients"),
            T(fi="Kohtaaminen asiakastyössä", sv="Bemötande i klientarbetet", en="Meeting clients"),
            T(
                fi="<p>Miten selkeä kieli ja tulkki auttavat asiakastilanteessa.</p>",
                sv="<p>Hur ett klart språk och en tolk hjälper i mötet med klienten.</p>",
                en="<p>How plain language and an interpreter help in client meetings.</p>",
            ),
        ),
        (
            ("tyollistymisen-polut", "vagar-till-arbete", "paths-to-employment"),
            T(fi="Työllistymisen polut", sv="Vägar till arbete", en="Paths to employment"),
            T(
                fi="<p>Kotoutumiskoulutuksesta työhön: mikä auttaa eteenpäin.</p>",
                sv="<p>Från integrationsutbildning till arbete: vad som hjälper vidare.</p>",
                en="<p>From integration training to work: what helps people forward.</p>",
            ),
        ),
        (
            ("monikielinen-neuvonta", "flersprakig-radgivning", "multilingual-guidance"),
            T(fi="Monikielinen neuvonta", sv="Flerspråkig rådgivning", en="Multilingual guidance"),
            T(
                fi="<p>Neuvonta asiakkaan omalla kielellä ja etäyhteyksin.</p>",
                sv="<p>Rådgivning på klientens eget språk och på distans.</p>",
                en="<p>Guidance in the client's own language and at a distance.</p>",
            ),
        ),
    ]
]

PRODUCT_CARDS = [
    {
        "slug": T(fi="tuotekortti-perehdytyskoulutus", sv="produktkort-introduktionsutbildning", en="product-card-induction-training"),
        "title": T(
            fi="Tuotekortti: perehdytyskoulutus kotoutumistyöhön",
            sv="Produktkort: introduktionsutbildning i integrationsarbetet",
            en="Product card: induction training for integration work",
        ),
        "description": T(
            fi="<p>Kahden päivän koulutus uusille työntekijöille; toteutettu useilla alueilla.</p>",
            sv="<p>En tvådagarsutbildning för nya anställda; genomförd i flera regioner.</p>",
            en="<p>A two-day training for new staff; run in several regions.</p>",
        ),
    },
    {
        "slug": T(fi="tuotekortti-verkostopaiva", sv="produktkort-natverksdag", en="product-card-network-day"),
        "title": T(
            fi="Tuotekortti: alueellinen verkostopäivä",
            sv="Produktkort: regional nätverksdag",
            en="Product card: regional network day",
        ),
        "description": T(
            fi="<p>Malli tapahtumaan, joka kokoaa alueen kotoutumistoimijat yhteen.</p>",
            sv="<p>En modell för ett evenemang som samlar regionens integrationsaktörer.</p>",
            en="<p>A model for an event that brings a region's integration actors together.</p>",
        ),
    },
    {
        "slug": T(fi="tuotekortti-webinaarisarja", sv="produktkort-webbinarieserie", en="product-card-webinar-series"),
        "title": T(
            fi="Tuotekortti: webinaarisarja kotoutumisesta",
            sv="Produktkort: webbinarieserie om integration",
            en="Product card: webinar series on integration",
        ),
        "description": T(
            fi="<p>Näin järjestät lyhyiden verkkoluentojen sarjan ammattilaisille.</p>",
            sv="<p>Så ordnar du en serie korta webbföreläsningar för yrkesverksamma.</p>",
            en="<p>How to organise a series of short online talks for professionals.</p>",
        ),
    },
]

COMPILATION = {
    "slug": T(fi="monikieliset-materiaalit-kooste", sv="sammanstallning-flersprakigt-material", en="multilingual-materials-compilation"),
    "title": T(
        fi="Kooste monikielisistä materiaaleista",
        sv="Sammanställning av flerspråkigt material",
        en="Compilation of multilingual materials",
    ),
    "description": T(
        fi="<p>Hyvä alku -pilottien tuottamat materiaalit suomalaisesta yhteiskunnasta ja kulttuurista sekä vinkit etäyhteiskuntaorientaatioon asiakkaan omalla kielellä.</p>",
        sv="<p>Material om det finländska samhället och kulturen från pilotprojekten i Hyvä alku, med tips för samhällsorientering på distans på klientens eget språk.</p>",
        en="<p>Materials on Finnish society and culture from the Hyvä alku pilots, with tips for remote civic orientation in the client's own language.</p>",
    ),
}
