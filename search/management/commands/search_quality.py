"""Print search quality over the relevance set: recall@10, success@10 and MRR per category.

    python manage.py search_quality [--queries search/relevance/queries.yaml] [--misses]

Runs on the configured backend and database, which must hold the demo content
(`load_demo_content`) with an up-to-date index (`update_index`).
"""

from django.core.management.base import BaseCommand

from search.quality import CATEGORIES, QUERIES, backend_name, evaluate, load_queries


class Command(BaseCommand):
    help = "Recall@10, success@10 and MRR of the relevance set, per category, on the configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(QUERIES), help="the relevance set (YAML)")
        parser.add_argument("--misses", action="store_true", help="list the queries that miss expected pages")

    def handle(self, *args, **options):
        groups, results = evaluate(load_queries(options["queries"]))
        self.stdout.write(f"backend: {backend_name()}  queries: {len(results)}")
        self.stdout.write(f"{'group':<12} {'queries':>7} {'recall@10':>10} {'success@10':>11} {'MRR':>6}")
        for name in [*CATEGORIES, "fi", "sv", "en", "all"]:
            figures = groups.get(name)
            if figures is None:
                continue
            self.stdout.write(
                f"{name:<12} {figures.count:>7} {figures.recall:>10.3f} {figures.success:>11.3f} {figures.mrr:>6.3f}"
            )
        if options["misses"]:
            for result in results:
                if result.missing:
                    query = result.query
                    self.stdout.write(
                        f"\n[{query['lang']} {query['category']}] {query['q']!r}: recall {result.recall:.2f}, "
                        f"missing {result.missing}\n  found {result.found}"
                    )
