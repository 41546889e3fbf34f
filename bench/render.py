"""Query count and render latency per public page type, through Django's test client.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.render OUT.json [--runs 30]

The page cache is off (bench.settings). For each page type the queries of the first request
after a publish are counted (the site frame and the answers kept until the public content
changes are read again), then one request is made with every
SQL statement recorded together with where it came from (the innermost template tag and
the innermost project source line on the stack); then `runs` timed requests without any
recording. Results go to OUT.json for the orchestrator.
"""

import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEARCH_QUERIES = {
    "fi": ["kotoutumisen", "mentorointi", "kielikoulutus", "työllisyys kunnan", "vertaistuki"],
    "sv": ["integration", "mentorskap", "språkutbildning", "kommunen", "kamratstöd"],
    "en": ["integration", "mentoring", "language training", "employment", "peer support"],
}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def targets():
    """(page type, URL) for every public page type: Finnish originals, demo pages where there is a choice.

    Detail pages are demo pages, present in both the small and the large dataset, so the
    same URL is measured at both sizes.
    """
    from django.apps import apps
    from wagtail.models import Locale

    fi = Locale.objects.get(language_code="fi")

    def first(label, **filters):
        try:
            model = apps.get_model(label)
        except LookupError:
            return None
        page = (model.objects.live().public().filter(locale=fi, alias_of__isnull=True, **filters)
                .exclude(slug__startswith="bench-").order_by("path").first())
        return page.url if page else None

    project = None
    try:
        from home.models import PilotReportPage, ProjectPage

        for page in ProjectPage.objects.live().filter(locale=fi).order_by("path"):
            if PilotReportPage.objects.descendant_of(page).exists():
                project = page.url
                break
    except ImportError:
        pass
    rows = [
        ("home", first("home.HomePage")),
        ("standard page", first("home.StandardPage")),
        ("project page", project),
        ("pilot report", first("home.PilotReportPage")),
        ("practice index", first("practices.PracticeIndexPage")),
        ("practice model", first("practices.PracticeModelPage")),
        ("practice call", first("practices.PracticeCallPage")),
        ("material index", first("materials.MaterialIndexPage")),
        ("material detail", first("materials.MaterialPage")),
        ("blog index", first("blog.BlogIndexPage")),
        ("blog post", first("blog.BlogPage")),
        ("search results", "/search/?q=kotoutumisen"),
    ]
    return rows


# --- where do the queries come from ---------------------------------------------------------------

PLACEHOLDERS = re.compile(r"(%s|\?)(\s*,\s*(%s|\?))+")


def normalise(sql):
    return PLACEHOLDERS.sub("…", " ".join(sql.split()))


SKIPPED_FRAMES = ("/django/db/", "/django/utils/functional.py", "/bench/", "/modelcluster/queryset.py")


def short(filename):
    if "/site-packages/" in filename:
        return filename.split("/site-packages/", 1)[1]
    return str(Path(filename).relative_to(REPO)) if filename.startswith(str(REPO)) else filename


def origin(frame):
    """(template tag, project code, first caller outside the ORM) of a stack, each 'file:line'."""
    from django.template.base import Node

    template = code = caller = None
    while frame is not None and (template is None or code is None):
        filename = frame.f_code.co_filename
        if caller is None and not any(part in filename for part in SKIPPED_FRAMES):
            caller = f"{short(filename)}:{frame.f_lineno} {frame.f_code.co_name}"
        if code is None and filename.startswith(str(REPO)) and "/.venv/" not in filename \
                and "/bench/" not in filename:
            code = f"{Path(filename).relative_to(REPO)}:{frame.f_lineno} {frame.f_code.co_name}"
        if template is None and frame.f_code.co_name == "render_annotated":
            node = frame.f_locals.get("self")
            if isinstance(node, Node) and getattr(node, "origin", None) is not None and node.token:
                template = f"{node.origin.template_name}:{node.token.lineno} {{% {node.token.contents[:60]} %}}"
        frame = frame.f_back
    return template or "-", code or "-", caller or "-"


class QueryLog:
    def __init__(self):
        self.entries = []

    def __call__(self, execute, sql, params, many, context):
        template, code, caller = origin(sys._getframe(1))
        self.entries.append((normalise(sql), template, code, caller))
        return execute(sql, params, many, context)

    def offenders(self, top=5):
        """The most repeated statements with the places they come from."""
        counts = Counter(entry[0] for entry in self.entries)
        places = defaultdict(Counter)
        for sql, template, code, caller in self.entries:
            places[sql][(template, code, caller)] += 1
        result = []
        for sql, count in counts.most_common(top):
            if count < 2:
                break
            result.append({
                "count": count,
                "sql": sql[:300],
                "from": [{"template": t, "code": c, "caller": w, "count": n}
                         for (t, c, w), n in places[sql].most_common(3)],
            })
        return result

    def by_origin(self):
        """Every statement's source, most frequent first: (count, caller, project code, template, table)."""
        sources = Counter()
        for sql, template, code, caller in self.entries:
            match = re.search(r'FROM "(\w+)"', sql)
            sources[(caller, code, template, match.group(1) if match else sql[:30])] += 1
        return [{"count": n, "caller": w, "code": c, "template": t, "table": table}
                for (w, c, t, table), n in sources.most_common()]


def measure(client, url, runs, budget):
    from django.db import connection

    from cms import page_cache

    for _ in range(3):  # warm-up: templates, content types, site root paths, renditions
        response = client.get(url)
    status = response.status_code
    # The first request after a publish: the site frame and every kept answer are read again.
    page_cache.invalidate()
    after_change = QueryLog()
    with connection.execute_wrapper(after_change):
        client.get(url)
    log = QueryLog()
    with connection.execute_wrapper(log):
        response = client.get(url)
    timings = []
    deadline = time.perf_counter() + budget
    for _ in range(runs):  # `runs` timed requests, fewer (at least 5) if they exceed the time budget
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if len(timings) >= 5 and time.perf_counter() > deadline:
            break
    return {
        "runs": len(timings),
        "url": url,
        "status": status,
        "bytes": len(response.content),
        "queries": len(log.entries),
        "queries_after_change": len(after_change.entries),
        "median_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "offenders": log.offenders(),
        "sources": log.by_origin(),
    }


def search_latency(client, runs, budget):
    urls = []
    prefixes = {"fi": "", "sv": "/sv", "en": "/en"}
    for language, queries in SEARCH_QUERIES.items():
        urls += [f"{prefixes[language]}/search/?q={query.replace(' ', '+')}" for query in queries]
    for url in urls[:3]:
        client.get(url)
    timings = []
    deadline = time.perf_counter() + budget
    for number in range(max(runs, len(urls))):
        if len(timings) >= len(urls) and time.perf_counter() > deadline:
            break
        url = urls[number % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return {"queries": len(urls), "runs": len(timings), "median_ms": statistics.median(timings),
            "p95_ms": percentile(timings, 0.95)}


def main(argv):
    import django

    django.setup()
    from django.test import Client

    out = Path(argv[1])
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 30
    budget = float(argv[argv.index("--budget") + 1]) if "--budget" in argv else 60.0
    client = Client()
    results = {"runs": runs, "pages": {}, "skipped": []}
    for page_type, url in targets():
        if url is None:
            results["skipped"].append(page_type)
            print(f"  {page_type}: no such page in this dataset; skipped", flush=True)
            continue
        row = measure(client, url, runs, budget)
        results["pages"][page_type] = row
        print(f"  {page_type:<16} {url:<48} {row['status']} {row['queries']:>3} queries "
              f"median {row['median_ms']:.1f} ms p95 {row['p95_ms']:.1f} ms ({row['runs']} runs)", flush=True)
    results["search"] = search_latency(client, runs, budget)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv)
