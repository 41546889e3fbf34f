"""Every public page kind stays within its query budget, on the demo site and on a bulk dataset.

Budgets (issue 19, bench/report.py): detail pages ≤ 10 queries, home and listings ≤ 14, search
≤ 14, never more for more pages. Counted by `python -m bench.render` (what
`make bench` reports) on a copy of this run's demo site, then again after `bench.dataset` has
added a few hundred practices, posts and materials in three languages to it.
"""

import json
import subprocess
import sys

import pytest

from bench import report
from tests.demo_site import PROJECT

PAGE_KINDS = ["home", "standard page", "project page", "pilot report", "practice index", "practice model",
              "practice call", "material index", "material detail", "blog index", "blog post", "search results"]


def bench_env(site):
    return {**site.env, "DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_ACTIVE_DATABASE_URL": f"sqlite:///{site.database}",
            "BENCH_MEDIA_ROOT": str(site.folder / "media"), "BENCH_SCALE": "0.03"}


def render(site, name):
    target = site.folder / f"{name}.json"
    subprocess.run([sys.executable, "-m", "bench.render", str(target), "--runs", "1", "--budget", "0"],  # noqa: S603
                   cwd=PROJECT, env=bench_env(site), check=True, capture_output=True)
    return json.loads(target.read_text())["pages"]


def dataset(site, command):
    result = subprocess.run([sys.executable, "-m", "bench.dataset", command], cwd=PROJECT,  # noqa: S603
                            env=bench_env(site), check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def counts(demo_site, tmp_path_factory):
    """{page kind: (queries on the demo, queries on the bulk dataset, status)}, and the two page counts."""
    site = demo_site.copy(tmp_path_factory.mktemp("budgets"))
    small, small_pages = render(site, "demo"), dataset(site, "status")["pages"]
    large_pages = dataset(site, "generate")["pages"]
    large = render(site, "bulk")
    found = {kind: (small[kind]["queries"], large[kind]["queries"], large[kind]["status"]) for kind in large}
    return found, small_pages, large_pages


def test_the_bulk_dataset_has_hundreds_more_pages_and_every_page_kind(counts):
    found, small_pages, large_pages = counts
    assert large_pages >= small_pages + 300
    assert set(found) == set(PAGE_KINDS)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_kind_within_its_query_budget_at_both_sizes(counts, kind):
    demo, bulk, status = counts[0][kind]
    assert status == 200
    budget = report.query_budget(kind)
    assert demo <= budget and bulk <= budget, f"{kind}: {demo} queries on the demo, {bulk} in bulk; budget {budget}"
    # Held flat: more pages never cost more queries. (Search results may cost one fewer in
    # bulk, where a page of results holds fewer page types: each type is read in one query.)
    assert bulk <= demo, f"{kind}: {demo} queries on the demo, {bulk} in bulk"
