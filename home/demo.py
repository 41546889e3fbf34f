"""The home page, the about, accessibility and comment-policy pages, and the site settings."""

from wagtail.models import Locale, Page, Site

from cms.demo import TARGET_LANGUAGES, T, add_page, add_snippet, resolve, stream, translate_object
from cms.models import Footer, MainMenu, SiteSettings
from materials.models import MaterialSeries

from . import demo_projects
from .models import HomePage, StandardPage

ORDER = 10

ORGANISATION = T(
    fi="Kotoutumisen osaamiskeskus",
    sv="Kompetenscentret för integration",
    en="Centre of Expertise in Immigrant Integration",
)


def load(ctx):
    ctx.home = home_page(ctx)
    about = add_page(ctx, ctx.home, StandardPage, ABOUT)
    accessibility = add_page(ctx, ctx.home, StandardPage, ACCESSIBILITY)
    comment_policy = add_page(ctx, ctx.home, StandardPage, COMMENT_POLICY)
    ctx["about"], ctx["accessibility"], ctx["comment_policy"] = about, accessibility, comment_policy
    ctx.objects.setdefault("menu", []).append(about)
    ctx.objects.setdefault("footer_links", []).extend([about, comment_policy])

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.contact_email == "":
        site_settings.contact_email = "osaamiskeskus@kotoutuminen.example"
        site_settings.accessibility_statement_page = accessibility
        site_settings.comment_policy_page = comment_policy
        site_settings.save()
    demo_projects.load(ctx)


def finish(ctx):
    """The main menu, the footer and the home page's videos, once every app has added its content."""
    feature_video_series(ctx)
    add_snippet(
        ctx,
        MainMenu,
        {},
        {"name": T(fi="Päävalikko", sv="Huvudmeny", en="Main menu"), "live": True},
        children={"items": [{"page": page, "title": ""} for page in ctx["menu"]]},
    )
    add_snippet(
        ctx,
        Footer,
        {},
        {
            "organisation_name": ORGANISATION,
            "live": True,
            "description": T(
                fi="<p>Osa työ- ja elinkeinoministeriötä (TEM).</p>",
                sv="<p>En del av arbets- och näringsministeriet (ANM).</p>",
                en="<p>Part of the Ministry of Economic Affairs and Employment.</p>",
            ),
        },
        children={"links": [{"page": page, "title": ""} for page in ctx["footer_links"]]},
    )


def feature_video_series(ctx):
    """Show the "Ymmärrä Suomea" series on the home page in every language (once)."""
    home = HomePage.objects.get(pk=ctx.home.pk)
    series = MaterialSeries.objects.filter(locale=Locale.get_default(), slug="ymmarra-suomea").first()
    if series is None or any(block.block_type == "materials" for block in home.body):
        return
    spec = {**HOME, "body": stream("home", [*HOME_BLOCKS, materials_block(series)])}
    home.body = resolve(spec["body"], "fi")
    home.save_revision(user=ctx.user).publish(user=ctx.user)
    for language in TARGET_LANGUAGES:
        translate_object(home, language, HomePage(**resolve(spec, language)), user=ctx.user)
    ctx.progress(home, False)


def home_page(ctx):
    """The Finnish home page becomes the default site's root; Wagtail's welcome page goes."""
    root = Page.get_first_root_node()
    home = add_page(ctx, root, HomePage, HOME)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


HOME_BLOCKS = [
            (
                "paragraph",
                T(
                    fi=(
                        "<p>Osaamiskeskus on osa työ- ja elinkeinoministeriötä. Se tunnistaa, nostaa esiin "
                        "ja levittää käytäntöjä, jotka parantavat kotoutumispalveluja eri puolilla Suomea.</p>"
                    ),
                    sv=(
                        "<p>Kompetenscentret hör till arbets- och näringsministeriet. Det identifierar, lyfter "
                        "fram och sprider praxis som förbättrar integrationstjänsterna i hela Finland.</p>"
                    ),
                    en=(
                        "<p>The centre is part of the Ministry of Economic Affairs and Employment. It identifies, "
                        "highlights and spreads practices that improve integration services across Finland.</p>"
                    ),
                ),
            ),
    (
        "featured_practices",
        {
            "heading": T(fi="Hyviä käytäntöjä", sv="God praxis", en="Good practices"),
            "practices": [],
            "count": 3,
        },
    ),
    (
        "latest_posts",
        {"heading": T(fi="Ajankohtaista", sv="Aktuellt", en="News and blog"), "kind": "", "count": 3},
    ),
]


def materials_block(series):
    return (
        "materials",
        {
            "heading": T(fi="Videoita monella kielellä", sv="Videor på många språk", en="Videos in many languages"),
            "materials": [],
            "series": series.pk,
            "limit": 4,
        },
    )


HOME = {
    "slug": T(fi="etusivu", sv="startsida", en="front-page"),
    "title": T(fi="Kotoutuminen.fi", sv="Kotoutuminen.fi", en="Kotoutuminen.fi"),
    "hero_heading": T(
        fi="Hyviä käytäntöjä kotoutumistyöhön",
        sv="God praxis för integrationsarbetet",
        en="Good practices for integration work",
    ),
    "hero_lead": T(
        fi=(
            "Kotoutumisen osaamiskeskus kokoaa yhteen toimiviksi havaittuja tapoja tukea "
            "maahan muuttaneiden kotoutumista ja jakaa ne kaikkien kotoutumistyötä tekevien käyttöön."
        ),
        sv=(
            "Kompetenscentret för integration samlar arbetssätt som visat sig fungera när "
            "invandrare ska integreras och delar dem med alla som arbetar med integration."
        ),
        en=(
            "The Centre of Expertise in Immigrant Integration gathers ways of supporting "
            "integration that have proved to work, and shares them with everyone doing integration work."
        ),
    ),
    "search_description": T(
        fi="Kotoutumisen hyvät käytännöt, Kotona Suomessa -hankkeen tulokset ja monikieliset materiaalit.",
        sv="God praxis för integration, resultaten av projektet Kotona Suomessa och flerspråkigt material.",
        en="Good practices of integration, the results of the Kotona Suomessa project and multilingual materials.",
    ),
    "body": stream("home", HOME_BLOCKS),
}

ABOUT = {
    "slug": T(fi="tietoa-meista", sv="om-oss", en="about-us"),
    "title": T(fi="Tietoa meistä", sv="Om oss", en="About us"),
    "lead": T(
        fi="Kotoutumisen osaamiskeskus (aiemmin Kotouttamisen osaamiskeskus) toimii työ- ja elinkeinoministeriössä.",
        sv="Kompetenscentret för integration (tidigare kompetenscentret för integrationsfrämjande) verkar inom arbets- och näringsministeriet.",
        en="The Centre of Expertise in Immigrant Integration (formerly the Centre of Expertise in Integration Promotion) works within the Ministry of Economic Affairs and Employment.",
    ),
    "body": stream(
        "about",
        [
            (
                "paragraph",
                T(
                    fi=(
                        "<p>Keräämme ja arvioimme kotoutumista edistäviä toimintamalleja, kokoamme tietoa "
                        "kotoutumistyön tueksi ja tuomme kentän toimijat yhteen. Sivusto tunnettiin aiemmin "
                        "nimellä kotouttaminen.fi.</p>"
                    ),
                    sv=(
                        "<p>Vi samlar och bedömer verksamhetsmodeller som främjar integration, sammanställer "
                        "kunskap för integrationsarbetet och för samman aktörerna på fältet. Webbplatsen hette "
                        "tidigare kotouttaminen.fi.</p>"
                    ),
                    en=(
                        "<p>We collect and assess operating models that support integration, compile knowledge "
                        "for integration work and bring the people in the field together. The site used to be "
                        "called kotouttaminen.fi.</p>"
                    ),
                ),
            ),
            (
                "contact_person",
                {
                    "name": "Aino Esimerkki",
                    "role": T(fi="Erityisasiantuntija", sv="Specialsakkunnig", en="Senior Specialist"),
                    "organisation": ORGANISATION,
                    "email": "aino.esimerkki@kotoutuminen.example",
                    "phone": "",
                },
            ),
        ],
    ),
}

ACCESSIBILITY = {
    "slug": T(fi="saavutettavuusseloste", sv="tillganglighetsutlatande", en="accessibility-statement"),
    "title": T(fi="Saavutettavuusseloste", sv="Tillgänglighetsutlåtande", en="Accessibility statement"),
    "lead": T(
        fi="Tavoitteemme on, että kuka tahansa voi käyttää sivustoa, myös ruudunlukijalla ja pelkällä näppäimistöllä.",
        sv="Vårt mål är att vem som helst ska kunna använda webbplatsen, också med skärmläsare och enbart tangentbord.",
        en="Our aim is that anyone can use this site, including with a screen reader or a keyboard alone.",
    ),
    "body": stream(
        "accessibility",
        [
            ("heading", {"text": T(fi="Miten sivusto on testattu", sv="Hur webbplatsen har testats", en="How the site is tested"), "level": "h2"}),
            (
                "paragraph",
                T(
                    fi=(
                        "<p>Sivusto on tehty WCAG 2.1 -ohjeiden AA-tason mukaiseksi. Aina kun sivustoa muutetaan, "
                        "automaattiset testit tarkistavat jokaisen sivutyypin suomeksi, ruotsiksi ja englanniksi:</p>"
                        "<ul><li>axe-core-työkalu WCAG 2.1 A- ja AA-säännöillä oikeassa selaimessa (Chromium): "
                        "nolla virhettä vaaditaan</li>"
                        "<li>HTML-koodin jäsennys ilman virheitä</li>"
                        "<li>jokaisella sivulla on oikea kielimerkintä, ja muunkielinen sisältö, kuten arabiankielinen "
                        "video, on merkitty omalla kielellään ja kirjoitussuunnallaan</li>"
                        "<li>näppäimistökäyttö: siirry sisältöön -linkki, valikko mobiilinäkymässä, suodattimet, "
                        "videon käynnistys ja kommenttilomake toimivat ilman hiirtä</li></ul>"
                    ),
                    sv=(
                        "<p>Webbplatsen följer WCAG 2.1 på nivå AA. Varje gång webbplatsen ändras kontrollerar "
                        "automatiska tester varje sidtyp på finska, svenska och engelska:</p>"
                        "<ul><li>verktyget axe-core med reglerna för WCAG 2.1 A och AA i en riktig webbläsare "
                        "(Chromium): inga fel tillåts</li>"
                        "<li>HTML-koden tolkas utan fel</li>"
                        "<li>varje sida har rätt språkmärkning, och innehåll på andra språk, till exempel en video "
                        "på arabiska, är märkt med sitt eget språk och sin skrivriktning</li>"
                        "<li>tangentbordsanvändning: länken till innehållet, menyn i mobilvyn, filtren, starten av "
                        "en video och kommentarsformuläret fungerar utan mus</li></ul>"
                    ),
                    en=(
                        "<p>The site follows WCAG 2.1 at level AA. Whenever the site changes, automated tests check "
                        "every page type in Finnish, Swedish and English:</p>"
                        "<ul><li>axe-core with the WCAG 2.1 A and AA rules in a real browser (Chromium): no "
                        "violation is allowed</li>"
                        "<li>the HTML parses without errors</li>"
                        "<li>every page carries the right language, and content in other languages, such as a video "
                        "in Arabic, is marked with its own language and writing direction</li>"
                        "<li>keyboard use: the skip link, the menu on small screens, the filters, starting a video "
                        "and the comment form work without a mouse</li></ul>"
                    ),
                ),
            ),
            ("heading", {"text": T(fi="Tunnetut puutteet", sv="Kända brister", en="Known gaps"), "level": "h2"}),
            (
                "paragraph",
                T(
                    fi=(
                        "<p>Automaattiset testit eivät löydä kaikkia ongelmia. Sivustoa ei ole vielä testattu "
                        "ruudunlukijan käyttäjien kanssa. Kaikissa liitetiedostoina julkaistuissa PDF-raporteissa ja "
                        "videopalvelun videoissa ei ole saavutettavia tekstivastineita tai tekstityksiä.</p>"
                    ),
                    sv=(
                        "<p>Automatiska tester hittar inte alla problem. Webbplatsen har ännu inte testats tillsammans "
                        "med personer som använder skärmläsare. Alla PDF-rapporter som publicerats som bilagor och "
                        "alla videor i videotjänsten har inte tillgängliga textversioner eller undertexter.</p>"
                    ),
                    en=(
                        "<p>Automated tests do not find every problem. The site has not yet been tested together "
                        "with screen reader users. Not every PDF report published as an attachment, nor every video "
                        "on the video service, has an accessible text version or subtitles.</p>"
                    ),
                ),
            ),
            ("heading", {"text": T(fi="Anna palautetta", sv="Ge respons", en="Give feedback"), "level": "h2"}),
            (
                "paragraph",
                T(
                    fi=(
                        "<p>Jos huomaat saavutettavuusongelman, kerro siitä meille sähköpostilla "
                        "osaamiskeskus@kotoutuminen.example. Vastaamme kahden viikon kuluessa.</p>"
                    ),
                    sv=(
                        "<p>Om du märker ett tillgänglighetsproblem, berätta det för oss per e-post på "
                        "osaamiskeskus@kotoutuminen.example. Vi svarar inom två veckor.</p>"
                    ),
                    en=(
                        "<p>If you notice an accessibility problem, tell us by e-mail at "
                        "osaamiskeskus@kotoutuminen.example. We answer within two weeks.</p>"
                    ),
                ),
            ),
        ],
    ),
}

COMMENT_POLICY = {
    "slug": T(fi="kommentointiohjeet", sv="regler-for-kommentarer", en="comment-policy"),
    "title": T(fi="Kommentointiohjeet", sv="Regler för kommentarer", en="Comment policy"),
    "lead": T(
        fi="Blogikirjoituksia saa kommentoida. Ylläpito tarkistaa jokaisen kommentin ennen julkaisua.",
        sv="Du får kommentera blogginläggen. Redaktionen granskar varje kommentar innan den publiceras.",
        en="You are welcome to comment on blog posts. The editors review every comment before it is published.",
    ),
    "body": stream(
        "comment-policy",
        [
            (
                "paragraph",
                T(
                    fi=(
                        "<ul><li>Kommentoija vastaa siitä, että teksti noudattaa lakia ja hyviä tapoja.</li>"
                        "<li>Blogin ylläpitäjät päättävät, mitkä kommentit julkaistaan.</li>"
                        "<li>Kirjoittajat eivät ota kantaa yksittäisten ihmisten tilanteisiin.</li>"
                        "<li>Kirjoitukset ja kommentit eivät ole työ- ja elinkeinoministeriön virallinen kanta.</li>"
                        "<li>Kommentin lähettäjä antaa ministeriölle oikeuden julkaista kommentti tai jättää sen julkaisematta.</li></ul>"
                    ),
                    sv=(
                        "<ul><li>Den som kommenterar ansvarar för att texten följer lag och god sed.</li>"
                        "<li>Bloggens redaktörer bestämmer vilka kommentarer som publiceras.</li>"
                        "<li>Skribenterna tar inte ställning till enskilda personers situation.</li>"
                        "<li>Inläggen och kommentarerna är inte arbets- och näringsministeriets officiella ståndpunkt.</li>"
                        "<li>Den som skickar en kommentar ger ministeriet rätt att publicera den eller låta bli.</li></ul>"
                    ),
                    en=(
                        "<ul><li>Commenters are responsible for keeping their text lawful and courteous.</li>"
                        "<li>The blog's editors decide which comments are published.</li>"
                        "<li>Writers do not take a stand on individual people's situations.</li>"
                        "<li>Posts and comments are not the official position of the Ministry of Economic Affairs and Employment.</li>"
                        "<li>By sending a comment you give the ministry the right to publish it or not.</li></ul>"
                    ),
                ),
            ),
        ],
    ),
}
