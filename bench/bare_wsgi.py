"""The ceiling: a bare WSGI app that answers every request with the same bytes, no Django at all.

    BENCH_BARE_BODY=page.html gunicorn bench.bare_wsgi

`make bench` serves a real page's bytes with it under the same gunicorn as the site, so that
the site's figures can be read as fractions of what gunicorn itself can do on this machine.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
