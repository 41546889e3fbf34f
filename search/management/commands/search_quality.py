"""Print search quality over the relevance set: recall@10, success@10 and MRR per category and backend.

    python manage.py search_quality [--update-index] [--other-database URL ...] [--misses]

Measures, on the database of DATABASE_URL (which must hold the demo content,
`load_demo_content`), the database search backend (SQLite or PostgreSQL) and, when
OPENSEARCH_URL or ELASTICSEARCH_URL is set, the search engine over the same content.
`--other-database URL` measures the database backend of another database holding the demo
content too (in a process of its own), so SQLite, PostgreSQL and OpenSearch are printed in one
run:

    OPENSEARCH_URL=http://127.0.0.1:9200 DATABASE_URL=postgres://.../demo \\
        python manage.py search_quality --update-index --other-database sqlite:///db.sqlite3

`--update-index` rebuilds each backend's index first (`update_index`); without it the
indices must be up to date.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from search.quality import CATEGORIES, QUERIES, backend_name, evaluate, load_queries

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
GROUPS = [*CATEGORIES, "fi", "sv", "en", "all"]


def measured_backends():
    """{label: backend settings}: the database backend, and the engine when one is configured."""
    backends = {"database": settings.DATABASE_SEARCH_BACKEND}
    if settings.SEARCH_ENGINE_BACKEND:
        backends["engine"] = settings.SEARCH_ENGINE_BACKEND
    return backends


class Command(BaseCommand):
    help = "Recall@10, success@10 and MRR of the relevance set, per category, on every configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(QUERIES), help="the relevance set (YAML)")
        parser.add_argument("--update-index", action="store_true", help="rebuild each backend's index first")
        parser.add_argument(
            "--other-database",
            action="append",
            default=[],
            metavar="URL",
            help="also measure the database backend of this database (demo content loaded); repeatable",
        )
        parser.add_argument("--misses", action="store_true", help="list the queries that miss expected pages")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON only")

    def handle(self, *args, **options):
        queries = load_queries(options["queries"])
        measured = []  # [(backend name, {group: figures dict}, [missed query lines])]
        for config in measured_backends().values():
            with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}):
                if options["update_index"]:
                    with open(os.devnull, "w") as quiet:
                        call_command("update_index", stdout=quiet)
                groups, results = evaluate(queries)
                measured.append((backend_name(), {name: groups[name].as_dict() for name in GROUPS if name in groups},
                                 [self.miss_line(result) for result in results if result.missing]))
        for url in options["other_database"]:
            measured.extend(self.measure_elsewhere(url, options))

        if options["json"]:
            self.stdout.write(json.dumps(measured))
            return
        self.stdout.write(f"queries: {len(queries)}")
        self.stdout.write(f"{'backend':<44} {'group':<12} {'queries':>7} {'recall@10':>10} {'success@10':>11} {'MRR':>6}")
        counts = self.group_counts(queries)
        for name, groups, missed in measured:
            for group, figures in groups.items():
                self.stdout.write(
                    f"{name:<44} {group:<12} {counts[group]:>7} {figures['recall']:>10.3f} "
                    f"{figures['success']:>11.3f} {figures['mrr']:>6.3f}"
                )
            if options["misses"]:
                for line in missed:
                    self.stdout.write(f"  {line}")

    @staticmethod
    def miss_line(result):
        query = result.query
        return f"[{query['lang']} {query['category']}] {query['q']!r}: missing {result.missing}, found {result.found}"

    @staticmethod
    def group_counts(queries):
        counts = {"all": len(queries)}
        for query in queries:
            for key in (query["category"], query["lang"]):
                counts[key] = counts.get(key, 0) + 1
        return counts

    def measure_elsewhere(self, url, options):
        """This command on another database, its database backend only, in a process of its own."""
        env = {key: value for key, value in os.environ.items() if key not in ("OPENSEARCH_URL", "ELASTICSEARCH_URL")}
        env["DATABASE_URL"] = url
        arguments = [str(MANAGE), "search_quality", "--json", "--queries", options["queries"]]
        if options["update_index"]:
            arguments.append("--update-index")
        result = subprocess.run(  # noqa: S603 - this same command, with arguments of our own
            [sys.executable, *arguments], env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise CommandError(f"search_quality on {url.split('@')[-1]} failed:\n{result.stderr[-2000:]}")
        return [tuple(row) for row in json.loads(result.stdout.strip().splitlines()[-1])]
