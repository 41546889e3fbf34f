"""Wagtail's `update_index`, ending with one clear line when the search engine cannot be used.

Without this a wrong or unreachable OPENSEARCH_URL / ELASTICSEARCH_URL ends the command with
the client's traceback; now it names the variable and the URL. The rebuild itself (a new
index per model group, filled, then swapped in under the alias) is Wagtail's.
"""

import time

from django.core.management.base import CommandError
from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndexCommand

from search.backends import unavailable_errors


class Command(WagtailUpdateIndexCommand):
    def update_backend(self, backend_name, **kwargs):
        backend = get_search_backend(backend_name)
        started = time.perf_counter()
        try:
            super().update_backend(backend_name, **kwargs)
        except unavailable_errors(backend) as error:
            raise CommandError(backend.unavailable_message(error)) from error
        self.write(f"{backend_name}: updated in {time.perf_counter() - started:.1f} s")
