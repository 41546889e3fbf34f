"""Start-up check: a configured search engine must answer, or the site does not start.

Runs with every management command that checks the project (runserver, migrate,
update_index, check ...). A wrong or unreachable OPENSEARCH_URL / ELASTICSEARCH_URL is
reported with the variable and the URL instead of failing later on a visitor's search.
"""

from django.core.checks import Error, register
from wagtail.search.backends import get_search_backends_with_name


@register("search")
def search_engine_answers(app_configs, **kwargs):
    errors = []
    for name, backend in get_search_backends_with_name():
        check_connection = getattr(backend, "check_connection", None)
        problem = check_connection() if check_connection else None
        if problem:
            errors.append(
                Error(
                    problem,
                    hint=f"Start the engine (`make services` starts an OpenSearch node on this machine), "
                    f"correct the URL, or unset {backend.url_setting} to search the database.",
                    obj=f"WAGTAILSEARCH_BACKENDS[{name!r}]",
                    id="search.E001",
                )
            )
    return errors
