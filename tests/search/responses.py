"""Reading the search page as a visitor sees it: result titles, facet counts, the result count."""

import re


def result_titles(response):
    """The titles on this page of results, in order."""
    html = response.content.decode()
    if 'class="search-results"' not in html:
        return []
    main = html.split('class="search-results"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<h2><a href="[^"]*">([^<]*)</a></h2>', main)


def facet_counts(response):
    """{type key: the count shown beside it}."""
    html = response.content.decode()
    return {key: int(count) for key, count in re.findall(r'name="type" value="(\w+)"[^>]*>[^(]*\((\d+)\)', html)}


def result_count(response):
    """The number in "N results for ..." (every result, not only this page's)."""
    match = re.search(r'<p role="status">(\d+) ', response.content.decode())
    return int(match.group(1))
