"""Search quality over the relevance set (search/relevance/queries.yaml): recall@10, success@10, MRR.

Each query is searched as the search page searches it (`search.views.run_search`: every word,
else any word, else a correction, in the query's language) and its first ten results are
compared with the pages the set expects:

* recall@10: the share of the expected pages among the first ten (of at most ten expected);
* success@10: 1 if at least one expected page is among the first ten;
* MRR: the mean of 1 / the rank of the first expected page (0 if none is in the first ten).
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

QUERIES = Path(__file__).parent / "relevance" / "queries.yaml"
BASELINE = Path(__file__).parent / "relevance" / "baseline.yaml"
TOP = 10
CATEGORIES = ["inflection", "compounds", "names", "types", "questions", "typos"]


def load_queries(path=QUERIES):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))["queries"]


@dataclass
class QueryResult:
    query: dict
    found: list  # URL paths of the first ten results

    @property
    def expected(self):
        return self.query["expect"]

    @property
    def recall(self):
        wanted = self.expected
        return len(set(wanted) & set(self.found)) / min(len(wanted), TOP)

    @property
    def success(self):
        return 1.0 if set(self.expected) & set(self.found) else 0.0

    @property
    def reciprocal_rank(self):
        for rank, path in enumerate(self.found, start=1):
            if path in self.expected:
                return 1.0 / rank
        return 0.0

    @property
    def missing(self):
        return [path for path in self.expected if path not in self.found]


@dataclass
class Figures:
    results: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.results)

    def mean(self, attribute):
        return sum(getattr(result, attribute) for result in self.results) / len(self.results) if self.results else 0.0

    @property
    def recall(self):
        return self.mean("recall")

    @property
    def success(self):
        return self.mean("success")

    @property
    def mrr(self):
        return self.mean("reciprocal_rank")

    def as_dict(self):
        return {"recall": round(self.recall, 3), "success": round(self.success, 3), "mrr": round(self.mrr, 3)}


def result_paths(pages):
    return [urlsplit(page.get_url() or "").path for page in pages]


def search_paths(text, language):
    from search.views import clean_query, run_search

    _shown, search_string = clean_query(text)
    locale = Locale.objects.get(language_code=language)
    with translation.override(language):
        outcome = run_search(search_string, locale)
        return result_paths(list(outcome.results[:TOP]))


def evaluate(queries=None):
    """{"all": Figures, category: Figures, "fi"/"sv"/"en": Figures} and the per-query results."""
    queries = queries if queries is not None else load_queries()
    results = [QueryResult(query, search_paths(query["q"], query["lang"])) for query in queries]
    groups = {"all": Figures(results)}
    for result in results:
        groups.setdefault(result.query["category"], Figures()).results.append(result)
        groups.setdefault(result.query["lang"], Figures()).results.append(result)
    return groups, results


def backend_name():
    backend = get_search_backend()
    return f"{type(backend).__module__} ({connection.vendor})"


def load_baseline(path=BASELINE):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
