"""The blog and news: writers, five posts and a few comments (approved, and one held for moderation).

The people are invented. The seed's post about the Yhteinen kuntamme project and the
news of the 2018 mentoring call are retold in our own words; facts and dates carry over.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from taggit.models import Tag

from cms.demo import T, add_page, add_snippet, stream

from .models import BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageTag, Person

ORDER = 50

CENTRE = T(
    fi="Kotoutumisen osaamiskeskus",
    sv="Kompetenscentret för integration",
    en="Centre of Expertise in Immigrant Integration",
)
PROJECT = T(fi="Yhteinen kuntamme -hanke", sv="Projektet Yhteinen kuntamme", en="The Yhteinen kuntamme project")


def per_language(build):
    """Fresh unsaved child objects for each language version (never shared between them)."""
    return T(fi=build(), sv=build(), en=build())


def load(ctx):
    people = {key: add_snippet(ctx, Person, {"name": spec["name"]}, spec) for key, spec in PEOPLE.items()}
    index = add_page(ctx, ctx.home, BlogIndexPage, INDEX)
    ctx["blog_index"] = index
    ctx.objects.setdefault("menu", []).append(index)

    posts = {}
    for key, spec in posts_specs().items():
        spec = dict(spec)
        author_keys = spec.pop("author_keys")
        tag_names = spec.pop("tag_names")
        spec["authors"] = per_language(lambda keys=author_keys: [BlogPageAuthor(person=people[k]) for k in keys])
        spec["tagged_items"] = per_language(
            lambda names=tag_names: [BlogPageTag(tag=Tag.objects.get_or_create(name=n, defaults={"slug": n})[0]) for n in names]
        )
        if spec.get("kind") == BlogPage.KIND_NEWS:
            spec["contact_person"] = people["aino"]
        posts[key] = add_page(ctx, index, BlogPage, spec)

    add_comments(ctx, posts)


def add_comments(ctx, posts):
    """Approved comments (one with a reply) and one held, waiting in the moderation queue."""
    content_type = ContentType.objects.get_for_model(BlogPage)

    def comment(post, name, email, text, *, is_public=True, parent=None, days_after=1):
        existing = XtdComment.objects.filter(
            content_type=content_type, object_pk=str(post.pk), user_email=email
        ).first()
        if existing is not None:
            ctx.progress(existing, False)
            return existing
        submitted = timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(14)))
        new = XtdComment(
            content_type=content_type,
            object_pk=str(post.pk),
            site_id=settings.SITE_ID,
            user_name=name,
            user_email=email,
            comment=text,
            submit_date=submitted + datetime.timedelta(days=days_after),
            is_public=is_public,
            parent_id=parent.pk if parent else 0,
        )
        new.save()
        ctx.progress(new, True)
        return new

    question = comment(
        posts["whole_municipality"],
        "Riikka",
        "riikka@kunta.example",
        "Kiitos hyvästä kirjoituksesta! Onko opas saatavilla myös painettuna?",
    )
    comment(
        posts["whole_municipality"],
        "Leena Koivisto",
        "leena.koivisto@kauniainen.example",
        "Kiitos kysymyksestä! Opas on verkossa molempien kuntien maahanmuuttajapalveluiden sivuilla, "
        "ja sen voi tulostaa.",
        parent=question,
        days_after=2,
    )
    comment(
        posts["new_site"],
        "Mikko",
        "mikko@jarjesto.example",
        "Hienoa, että hyvät käytännöt löytyvät nyt yhdestä paikasta.",
    )
    comment(
        posts["new_site"],
        "Sari",
        "sari@example.example",
        "Tuleeko sivustolle myös selkosuomenkielistä sisältöä?",
        is_public=False,
        days_after=2,
    )


PEOPLE = {
    "leena": {
        "name": "Leena Koivisto",
        "role": T(fi="Hankekoordinaattori", sv="Projektkoordinator", en="Project coordinator"),
        "organisation": PROJECT,
        "email": "",
    },
    "oskar": {
        "name": "Oskar Holm",
        "role": T(fi="Hanketyöntekijä", sv="Projektarbetare", en="Project worker"),
        "organisation": PROJECT,
        "email": "",
    },
    "aino": {
        "name": "Aino Esimerkki",
        "role": T(fi="Erityisasiantuntija", sv="Specialsakkunnig", en="Senior Specialist"),
        "organisation": CENTRE,
        "email": "aino.esimerkki@kotoutuminen.example",
    },
    "jussi": {
        "name": "Jussi Mäkelä",
        "role": T(fi="Neuvotteleva virkamies", sv="Konsultativ tjänsteman", en="Ministerial adviser"),
        "organisation": T(
            fi="Työ- ja elinkeinoministeriö",
            sv="Arbets- och näringsministeriet",
            en="Ministry of Economic Affairs and Employment",
        ),
        "email": "",
    },
}

INDEX = {
    "slug": T(fi="blogi", sv="blogg", en="blog"),
    "title": T(fi="Blogi ja uutiset", sv="Blogg och nyheter", en="Blog and news"),
    "lead": T(
        fi=(
            "Kotoutumistyön tekijät kirjoittavat kokemuksistaan: yhteistyökumppanit, hankkeet, kunnat, järjestöt "
            "sekä osaamiskeskuksen ja ministeriön asiantuntijat. Otamme kirjoituksia vastaan koko ajan."
        ),
        sv=(
            "Personer som arbetar med integration skriver om sina erfarenheter: samarbetspartner, projekt, kommuner, "
            "organisationer och sakkunniga vid kompetenscentret och ministeriet. Vi tar emot inlägg hela tiden."
        ),
        en=(
            "People working in integration write about their experience: partners, projects, municipalities, "
            "organisations and experts of the centre and the ministry. We welcome posts at any time."
        ),
    ),
}


def posts_specs():
    """The posts; the newest has a date relative to the first load so its comments are open."""
    recent = timezone.localdate() - datetime.timedelta(days=7)
    return {
        "whole_municipality": {
            "slug": T(fi="koko-kunta-edistaa-kotoutumista", sv="hela-kommunen-framjar-integration", en="the-whole-municipality-supports-integration"),
            "title": T(
                fi="Koko kunta edistää kotoutumista",
                sv="Hela kommunen främjar integration",
                en="The whole municipality supports integration",
            ),
            "kind": BlogPage.KIND_BLOG,
            "date": datetime.date(2020, 2, 27),
            "author_keys": ["leena", "oskar"],
            "tag_names": ["kunnat", "kaksisuuntainen kotoutuminen"],
            "lead": T(
                fi=(
                    "Maahan muuttanut on ennen kaikkea kuntalainen. Kauniaisissa ja Kirkkonummella opimme, että "
                    "kotoutuminen etenee parhaiten, kun jokainen kunnan toimija kantaa siitä osansa."
                ),
                sv=(
                    "Den som flyttat till Finland är framför allt kommuninvånare. I Grankulla och Kyrkslätt lärde vi "
                    "oss att integrationen går bäst när alla aktörer i kommunen tar sin del av ansvaret."
                ),
                en=(
                    "A newcomer is first and foremost a resident of the municipality. In Kauniainen and Kirkkonummi "
                    "we learned that integration works best when everyone in the municipality does their part."
                ),
            ),
            "body": stream(
                "blog-whole-municipality",
                [
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Kotoutuminen on kaksisuuntainen prosessi. Se vaatii yhteisiä tavoitteita, sovittuja "
                                "toimintatapoja ja seurantaa sekä säännöllistä yhteydenpitoa kunnan eri toimijoiden "
                                "välillä. Kun henkilöstön osaaminen ja kuntalaisten tietoisuus kasvavat, myös maahan "
                                "muuttaneiden mahdollisuudet osallistua paranevat.</p>"
                            ),
                            sv=(
                                "<p>Integration är en process i två riktningar. Den kräver gemensamma mål, överenskomna "
                                "arbetssätt och uppföljning samt regelbunden kontakt mellan kommunens olika aktörer. När "
                                "personalens kunnande och invånarnas medvetenhet växer, ökar också de inflyttades "
                                "möjligheter att delta.</p>"
                            ),
                            en=(
                                "<p>Integration runs in two directions. It needs shared goals, agreed ways of working "
                                "and follow-up, and regular contact between the municipality's actors. As staff gain "
                                "skills and residents gain awareness, newcomers get more chances to take part.</p>"
                            ),
                        ),
                    ),
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Yhteinen kuntamme -hankkeessa Kauniainen ja Kirkkonummi vahvistivat kotoutumistyön "
                                "verkostojaan ja kokeilivat uusia yhteistyön tapoja kunnan yksiköiden, järjestöjen ja "
                                "vapaa-ajan toimijoiden kanssa. Hanke sai rahoitusta Turvapaikka-, maahanmuutto- ja "
                                "kotouttamisrahastosta (AMIF) vuodesta 2017 tammikuuhun 2020, ja sen toimintatavat "
                                "jäivät osaksi kuntien perustyötä.</p>"
                            ),
                            sv=(
                                "<p>I projektet Yhteinen kuntamme stärkte Grankulla och Kyrkslätt sina nätverk för "
                                "integrationsarbetet och prövade nya former av samarbete mellan kommunens enheter, "
                                "organisationer och fritidsaktörer. Projektet finansierades av Asyl-, migrations- och "
                                "integrationsfonden (AMIF) från 2017 till januari 2020, och dess arbetssätt blev en del "
                                "av kommunernas ordinarie arbete.</p>"
                            ),
                            en=(
                                "<p>In the Yhteinen kuntamme project, Kauniainen and Kirkkonummi strengthened their "
                                "integration networks and tried new ways of working together across municipal units, "
                                "organisations and leisure providers. The project was funded by the Asylum, Migration "
                                "and Integration Fund (AMIF) from 2017 to January 2020, and its ways of working became "
                                "part of the municipalities' everyday work.</p>"
                            ),
                        ),
                    ),
                    ("heading", {"text": T(fi="Opas kunnille", sv="En guide för kommuner", en="A guide for municipalities"), "level": "h2"}),
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Kokosimme hankkeessa testatut toimintamallit oppaaksi <i>Yhdessä kotouttaen – "
                                "ideoita kuntien kotouttamistyöhön</i>. Ruotsiksi se on nimeltään <i>Integration "
                                "tillsammans</i>. Opas johdattaa tarkistuslistojen ja kysymysten avulla soveltamaan "
                                "käytäntöjä omassa kunnassa: ohjauksessa ja neuvonnassa, palveluiden järjestämisessä, "
                                "järjestöyhteistyössä ja päättäjien tietoisuuden lisäämisessä.</p>"
                            ),
                            sv=(
                                "<p>Vi samlade de arbetssätt som prövats i projektet i guiden <i>Integration "
                                "tillsammans</i>, på finska <i>Yhdessä kotouttaen</i>. Med checklistor och frågor hjälper "
                                "guiden läsaren att tillämpa dem i den egna kommunen: i handledning och rådgivning, i "
                                "hur tjänsterna ordnas, i samarbetet med organisationer och i att öka beslutsfattarnas "
                                "kunskap.</p>"
                            ),
                            en=(
                                "<p>We gathered the models tested in the project into a guide, <i>Yhdessä kotouttaen</i> "
                                "in Finnish and <i>Integration tillsammans</i> in Swedish. With checklists and questions "
                                "it helps readers apply them in their own municipality: in guidance and advice, in "
                                "organising services, in working with organisations and in raising decision-makers' "
                                "awareness.</p>"
                            ),
                        ),
                    ),
                    (
                        "quote",
                        {
                            "quote": T(
                                fi="Yhteistyöverkostot ja sujuva viestintä ratkaisivat, juurtuivatko uudet käytännöt.",
                                sv="Samarbetsnätverk och smidig kommunikation avgjorde om de nya arbetssätten slog rot.",
                                en="Networks and good communication decided whether the new practices took root.",
                            ),
                            "attribution": PROJECT,
                        },
                    ),
                ],
            ),
        },
        "mentoring_call": {
            "slug": T(fi="mentoroinnin-hyvia-kaytantoja-haetaan", sv="god-praxis-inom-mentorskap-sokes", en="call-for-good-mentoring-practices"),
            "title": T(
                fi="Haemme mentoroinnin hyviä käytäntöjä",
                sv="Vi söker god praxis inom mentorskap",
                en="Call for good mentoring practices",
            ),
            "kind": BlogPage.KIND_NEWS,
            "date": datetime.date(2018, 10, 1),
            "author_keys": ["aino"],
            "tag_names": ["mentorointi", "hyvät käytännöt"],
            "lead": T(
                fi="Osaamiskeskus etsii maahan muuttaneiden mentorointimalleja. Ehdotuksia voi lähettää 30.11.2018 asti.",
                sv="Kompetenscentret söker mentorskapsmodeller för invandrare. Förslag kan skickas till och med 30.11.2018.",
                en="The centre is looking for mentoring models for immigrants. Proposals can be sent until 30 November 2018.",
            ),
            "body": stream(
                "news-mentoring-call",
                [
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Etsimme toimintamalleja, joissa mentori tukee maahan muuttanutta esimerkiksi "
                                "työllistymisessä, koulutukseen pääsyssä, terveyteen ja vanhemmuuteen liittyvissä "
                                "asioissa, vapaa-ajassa ja harrastuksissa tai yhteiskunnallisessa osallistumisessa.</p>"
                            ),
                            sv=(
                                "<p>Vi söker modeller där en mentor stöder en invandrare till exempel i att få arbete, "
                                "komma in i utbildning, i frågor om hälsa och föräldraskap, i fritid och hobbyer eller "
                                "i samhälleligt deltagande.</p>"
                            ),
                            en=(
                                "<p>We are looking for models in which a mentor supports an immigrant, for example in "
                                "finding work, getting into education, with health and parenthood, in leisure and "
                                "hobbies, or in taking part in society.</p>"
                            ),
                        ),
                    ),
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Ehdotus tehdään lyhyellä lomakkeella, joka lähetetään sähköpostilla 30.11.2018 "
                                "mennessä. Asiantuntijaraati arvioi ehdotukset, ja sen suosittelemat käytännöt "
                                "julkaistaan alkuvuodesta 2019. Haku toteutetaan yhdessä Euroopan sosiaalirahaston "
                                "rahoittaman Kotona Suomessa -hankkeen kanssa.</p>"
                            ),
                            sv=(
                                "<p>Förslaget görs på en kort blankett som skickas per e-post senast 30.11.2018. En "
                                "expertpanel bedömer förslagen, och den praxis panelen rekommenderar publiceras i början "
                                "av 2019. Ansökan genomförs tillsammans med projektet Kotona Suomessa, som finansieras "
                                "av Europeiska socialfonden.</p>"
                            ),
                            en=(
                                "<p>Proposals are made on a short form sent by e-mail by 30 November 2018. An expert "
                                "panel assesses them, and the practices it recommends will be published early in 2019. "
                                "The call is run together with the Kotona Suomessa project, funded by the European "
                                "Social Fund.</p>"
                            ),
                        ),
                    ),
                ],
            ),
        },
        "expert_panel": {
            "slug": T(fi="nain-asiantuntijaraati-arvioi", sv="sa-bedomer-expertpanelen", en="how-the-expert-panel-assesses"),
            "title": T(
                fi="Näin asiantuntijaraati arvioi hyvän käytännön",
                sv="Så bedömer expertpanelen god praxis",
                en="How the expert panel assesses a good practice",
            ),
            "kind": BlogPage.KIND_BLOG,
            "date": datetime.date(2019, 3, 14),
            "author_keys": ["jussi"],
            "tag_names": ["hyvät käytännöt"],
            "lead": T(
                fi="Kuusi kriteeriä auttaa erottamaan lupaavan kokeilun käytännöstä, joka kannattaa levittää.",
                sv="Sex kriterier hjälper att skilja ett lovande försök från praxis som lönar sig att sprida.",
                en="Six criteria help tell a promising experiment from a practice worth spreading.",
            ),
            "body": stream(
                "blog-expert-panel",
                [
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Hyvä käytäntö on tavoitteellinen, asiakaslähtöinen, tilanteeseen sopiva, "
                                "vaikuttava, mallinnettava ja yleistettävä. Raati katsoo jokaista ehdotusta näiden "
                                "kuuden kriteerin valossa ja kysyy ennen kaikkea, hyötyykö kotoutuja siitä enemmän "
                                "kuin aiemmista tavoista.</p>"
                            ),
                            sv=(
                                "<p>God praxis är målinriktad, klientorienterad, anpassad till situationen, effektiv, "
                                "möjlig att modellera och generaliserbar. Panelen granskar varje förslag mot dessa sex "
                                "kriterier och frågar framför allt om den som integreras har mer nytta av den än av "
                                "tidigare sätt.</p>"
                            ),
                            en=(
                                "<p>A good practice is goal-oriented, client-oriented, suited to the situation, "
                                "effective, can be modelled and can be generalised. The panel looks at each proposal "
                                "against these six criteria and asks above all whether newcomers benefit from it more "
                                "than from earlier ways.</p>"
                            ),
                        ),
                    ),
                ],
            ),
        },
        "project_ended": {
            "slug": T(fi="kotona-suomessa-hanke-paattyi", sv="projektet-kotona-suomessa-avslutades", en="kotona-suomessa-project-ends"),
            "title": T(
                fi="Kotona Suomessa -hanke päättyi",
                sv="Projektet Kotona Suomessa avslutades",
                en="The Kotona Suomessa project comes to an end",
            ),
            "kind": BlogPage.KIND_NEWS,
            "date": datetime.date(2020, 12, 15),
            "author_keys": ["aino"],
            "tag_names": ["Kotona Suomessa"],
            "lead": T(
                fi="Kuusi vuotta, 28 pilottihanketta ja noin 14 000 osallistumista koulutuksiin ja tilaisuuksiin.",
                sv="Sex år, 28 pilotprojekt och cirka 14 000 deltaganden i utbildningar och evenemang.",
                en="Six years, 28 pilot projects and about 14,000 participations in trainings and events.",
            ),
            "body": stream(
                "news-project-ended",
                [
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Uudenmaan ELY-keskuksen koordinoima ja Euroopan sosiaalirahaston rahoittama "
                                "hanke kehitti vuosina 2015–2020 kotoutumista tukevia palveluja. Hyvä alku -osion "
                                "neljä hakua synnyttivät 28 pilottia, ja Hyvä polku -osio koulutti kotoutumistyön "
                                "ammattilaisia eri puolilla Suomea.</p>"
                            ),
                            sv=(
                                "<p>Projektet, som koordinerades av NTM-centralen i Nyland och finansierades av "
                                "Europeiska socialfonden, utvecklade tjänster som stöder integration 2015–2020. De fyra "
                                "ansökningsomgångarna i delprojektet Hyvä alku gav 28 pilotprojekt, och delprojektet "
                                "Hyvä polku utbildade yrkesfolk inom integration runtom i Finland.</p>"
                            ),
                            en=(
                                "<p>Coordinated by the Uusimaa ELY Centre and funded by the European Social Fund, the "
                                "project developed services that support integration in 2015–2020. The four calls of "
                                "its Hyvä alku part produced 28 pilot projects, and its Hyvä polku part trained "
                                "integration professionals across Finland.</p>"
                            ),
                        ),
                    ),
                ],
            ),
        },
        "new_site": {
            "slug": T(fi="uudistunut-kotoutuminen-fi", sv="nya-kotoutuminen-fi", en="the-new-kotoutuminen-fi"),
            "title": T(
                fi="Kotoutuminen.fi uudistui",
                sv="Kotoutuminen.fi har förnyats",
                en="Kotoutuminen.fi has been renewed",
            ),
            "kind": BlogPage.KIND_BLOG,
            "date": recent,
            "author_keys": ["aino", "jussi"],
            "tag_names": ["hyvät käytännöt", "materiaalit"],
            "lead": T(
                fi="Hyvät käytännöt, hankkeiden tulokset ja monikieliset materiaalit löytyvät nyt samasta paikasta.",
                sv="God praxis, projektresultat och flerspråkigt material finns nu på samma ställe.",
                en="Good practices, project results and multilingual materials are now in one place.",
            ),
            "body": stream(
                "blog-new-site",
                [
                    (
                        "paragraph",
                        T(
                            fi=(
                                "<p>Entinen kotouttaminen.fi on nyt kotoutuminen.fi. Voit suodattaa hyviä käytäntöjä "
                                "teeman ja kohderyhmän mukaan ja löytää videoita omalla kielelläsi. Kerro meille "
                                "kommentilla, mitä sivustolta vielä puuttuu.</p>"
                            ),
                            sv=(
                                "<p>Det tidigare kotouttaminen.fi heter nu kotoutuminen.fi. Du kan filtrera god praxis "
                                "efter tema och målgrupp och hitta videor på ditt eget språk. Berätta i en kommentar "
                                "vad som ännu saknas på webbplatsen.</p>"
                            ),
                            en=(
                                "<p>The former kotouttaminen.fi is now kotoutuminen.fi. You can filter good practices "
                                "by theme and target group and find videos in your own language. Tell us in a comment "
                                "what the site still lacks.</p>"
                            ),
                        ),
                    ),
                ],
            ),
        },
    }
