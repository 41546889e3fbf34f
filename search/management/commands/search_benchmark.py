"""Measure search latency on a generated dataset of pages in Finnish, Swedish and English.

    python manage.py search_benchmark [--pages 10000] [--queries 200] [--json FILE]

Creates (or reuses) StandardPages under a "search-benchmark" page beneath each locale's home
page, indexes them in bulk, then times the search page's own work (`search.views.run_search`:
facet counts, result count and the first page of ten) for a mix of one- and two-word queries
in each language. Use a throwaway database: the pages stay there for the next run.
`python -m bench.search` runs it on SQLite, PostgreSQL and OpenSearch side by side.
"""

import json
import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.views import run_search

SLUG = "search-benchmark"
LANGUAGES = ["fi", "sv", "en"]

VOCABULARY = {
    "fi": (
        "kotoutuminen kotoutumisen kotoutumista maahanmuuttaja maahanmuuttajien maahanmuuttajille kunta kunnan "
        "kunnissa työllisyys työllistyminen työllistymisen kielikoulutus kielikoulutuksen ohjaus ohjauksen neuvonta "
        "neuvonnan palvelu palvelut palveluiden perhe perheiden lapsi lasten nuori nuorten nainen naisten opiskelu "
        "opiskelijoiden koulutus koulutuksen mentorointi mentoroinnin vertaistuki vertaistuen järjestö järjestöjen "
        "yhteistyö yhteistyön hanke hankkeen pilotti pilotin arviointi arvioinnin tulos tulokset osallisuus "
        "osallisuuden asuminen terveys hyvinvointi suomen kieli kielen oppiminen oppimisen kotoutumissuunnitelma "
        "alkukartoitus alkukartoituksen työvoimapalvelut ammatti ammatillinen tutkinto tunnustaminen vapaaehtoinen"
    ).split(),
    "sv": (
        "integration integrationen invandrare invandrarna kommun kommunen kommuner sysselsättning arbete arbetet "
        "språkutbildning språkutbildningen vägledning vägledningen rådgivning tjänst tjänsten tjänster familj "
        "familjer barn barnen ungdom ungdomar kvinna kvinnor studier utbildning utbildningen mentorskap kamratstöd "
        "organisation organisationer samarbete samarbetet projekt projektet pilot piloten utvärdering resultat "
        "delaktighet boende hälsa välfärd svenska språket lärande integrationsplan kartläggning yrke examen frivillig"
    ).split(),
    "en": (
        "integration integrated integrating immigrant immigrants municipality municipalities employment employed "
        "language training trained guidance counselling service services family families child children youth "
        "young women studies education mentoring mentored peer support organisation organisations cooperation "
        "project projects pilot pilots evaluation evaluated results participation housing health wellbeing finnish "
        "learning learners integration plan assessment profession qualification recognition volunteer volunteers"
    ).split(),
}

QUERIES = {
    "fi": ["kotoutumisen", "maahanmuuttajille", "kielikoulutus", "työllistyminen kunnissa", "mentorointi",
           "perheiden palvelut", "arvioinnin tulokset", "vertaistuki", "nuorten ohjaus", "asuminen"],
    "sv": ["integrationen", "invandrare", "språkutbildning", "arbete kommunen", "mentorskap",
           "familjer tjänster", "utvärdering resultat", "kamratstöd", "ungdomar vägledning", "boende"],
    "en": ["integration", "immigrants", "language training", "employment municipality", "mentoring",
           "family services", "evaluation results", "peer support", "youth guidance", "housing"],
}


def sentence(rng, language, words):
    vocabulary = VOCABULARY[language]
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


class Command(BaseCommand):
    help = "Generate (or reuse) a multilingual page dataset and report search latency (median, p95)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="pages in the dataset (all languages)")
        parser.add_argument("--queries", type=int, default=200, help="timed searches")
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument("--json", help="also write the figures to this file")

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])  # noqa: S311 - test data, not security
        parents = self.parents()
        self.fill(parents, options["pages"], rng)
        figures = self.measure(options["queries"], rng)
        if options["json"]:
            with open(options["json"], "w") as handle:
                json.dump(figures, handle)

    # --- dataset -------------------------------------------------------------------------
    def parents(self):
        from home.models import HomePage, StandardPage

        root = Page.get_first_root_node()
        fi_home = HomePage.objects.filter(locale__language_code="fi").first()
        if fi_home is None:
            fi_home = root.add_child(
                instance=HomePage(title="Etusivu", slug="etusivu-benchmark", hero_heading="Tervetuloa",
                                  locale=Locale.objects.get_or_create(language_code="fi")[0])
            )
        parents = {}
        for language in LANGUAGES:
            locale = Locale.objects.get_or_create(language_code=language)[0]
            home = fi_home.get_translation_or_none(locale)
            if home is None:
                home = root.add_child(
                    instance=HomePage(title=f"Home {language}", slug=f"home-benchmark-{language}",
                                      hero_heading=language, locale=locale, translation_key=fi_home.translation_key)
                )
            parent = StandardPage.objects.filter(locale=locale, slug=SLUG).first()
            if parent is None:
                parent = home.add_child(instance=StandardPage(title="Search benchmark", slug=SLUG, locale=locale))
            parents[language] = parent
        return parents

    def fill(self, parents, total, rng):
        from modelsearch.signal_handlers import post_save_signal_handler
        from wagtail.signal_handlers import (
            connect_reference_index_signal_handlers_for_model,
            disconnect_reference_index_signal_handlers_for_model,
        )

        from home.models import StandardPage

        per_language = {language: total // len(LANGUAGES) + (i < total % len(LANGUAGES))
                        for i, language in enumerate(LANGUAGES)}
        backend = get_search_backend()
        # Index in bulk rather than once per saved page; generated pages reference nothing.
        post_save.disconnect(post_save_signal_handler, sender=StandardPage)
        disconnect_reference_index_signal_handlers_for_model(StandardPage)
        try:
            for language, parent in parents.items():
                parent = StandardPage.objects.get(pk=parent.pk)
                existing = parent.get_children().count()
                missing = per_language[language] - existing
                self.stdout.write(f"{language}: {existing} pages exist, creating {max(missing, 0)}")
                started = time.perf_counter()
                created = []
                numbers = list(range(existing, existing + max(missing, 0)))
                for start in range(0, len(numbers), 500):
                    # One transaction and one bulk index call per 500 pages.
                    with transaction.atomic():
                        for number in numbers[start:start + 500]:
                            page = StandardPage(
                                title=sentence(rng, language, rng.randint(2, 6))[:-1],
                                slug=f"bench-{language}-{number}",
                                locale=parent.locale,
                                lead=sentence(rng, language, rng.randint(10, 30)),
                                body=[("paragraph", "<p>" + " ".join(
                                    sentence(rng, language, rng.randint(8, 20)) for _ in range(rng.randint(2, 6))
                                ) + "</p>")],
                            )
                            parent.add_child(instance=page)
                            created.append(page)
                        backend.add_bulk(StandardPage, created)
                    created = []
                    self.stdout.write(f"  {min(start + 500, len(numbers))}/{missing} ({time.perf_counter() - started:.0f} s)")
        finally:
            post_save.connect(post_save_signal_handler, sender=StandardPage)
            connect_reference_index_signal_handlers_for_model(StandardPage)

    # --- timing --------------------------------------------------------------------------
    def measure(self, count, rng):
        backend = get_search_backend()
        locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
        dataset = Page.objects.filter(slug__startswith="bench-").count()
        timings = {language: [] for language in LANGUAGES}
        hits = {language: [] for language in LANGUAGES}
        for language in LANGUAGES:  # warm-up: connection, content types, caches
            with translation.override(language):
                list(run_search(QUERIES[language][0], locales[language]).results[:10])
        for index in range(count):
            language = LANGUAGES[index % len(LANGUAGES)]
            query = rng.choice(QUERIES[language])
            with translation.override(language):
                started = time.perf_counter()
                outcome = run_search(query, locales[language])
                results, total = outcome.results, outcome.total
                first_page = list(results[:10])
                timings[language].append((time.perf_counter() - started) * 1000)
            hits[language].append(total)
            assert len(first_page) == min(total, 10)

        def summary(values, found):
            ordered = sorted(values)
            return {"queries": len(values), "median_ms": statistics.median(values),
                    "p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)], "max_ms": max(values),
                    "median_hits": statistics.median(found)}

        def row(label, values, found):
            figures = summary(values, found)
            return (f"{label:<8} {figures['queries']:>7} {figures['median_ms']:>10.1f} {figures['p95_ms']:>9.1f} "
                    f"{figures['max_ms']:>9.1f} {figures['median_hits']:>12.0f}")

        self.stdout.write("")
        self.stdout.write(f"database: {connection.vendor}  backend: {type(backend).__module__}  dataset: {dataset} pages")
        self.stdout.write("timed: facet counts (which give the result count) + first page of 10 (search.views.run_search)")
        self.stdout.write(f"{'language':<8} {'queries':>7} {'median ms':>10} {'p95 ms':>9} {'max ms':>9} {'median hits':>12}")
        every, found = [], []
        for language in LANGUAGES:
            self.stdout.write(row(language, timings[language], hits[language]))
            every += timings[language]
            found += hits[language]
        self.stdout.write(row("all", every, found))
        return {"database": connection.vendor, "backend": type(backend).__module__, "pages": dataset,
                **summary(every, found)}
