"""Workaround: modelsearch's engine backends count only the ten most frequent facet values.

`ElasticsearchBaseSearchResults.facet()` (modelsearch 1.3.2, used by the OpenSearch and
Elasticsearch backends) sends a `terms` aggregation without a `size`, so the engine returns
its default of ten buckets. The search page facets on the page type, and a query that
matches more than ten page types would count fewer results than it finds.

Upstream: https://github.com/wagtail/wagtail/issues/5668 ("Make facet size on ElasticSearch
customizable"). This module can go when modelsearch sends a size (or takes one in `facet()`);
tests/search/engine/test_engine_search.py::test_facet_counts_equal_the_results shows it.
"""


class FacetAllValuesMixin:
    """For the results class of an engine backend: every facet aggregation asks for all values."""

    FACET_SIZE = 1000  # more than there will ever be page types

    def _backend_do_search(self, body, **kwargs):
        for aggregation in body.get("aggregations", {}).values():
            aggregation.get("terms", {}).setdefault("size", self.FACET_SIZE)
        return super()._backend_do_search(body, **kwargs)
