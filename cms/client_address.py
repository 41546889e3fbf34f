"""The visitor's address: the one function every rate limit and the comment IP storage use.

Behind reverse proxies the TCP peer (`REMOTE_ADDR`) is the nearest proxy. Each proxy
appends the address it received the request from to `X-Forwarded-For`, so with
`TRUSTED_PROXY_COUNT` = N proxies of our own in front of the application, the N-th entry
from the right is the address the outermost of them saw: the client. Entries further
left were written by whoever sent the request and are never used. With N = 0 (the
default: the application server faces the internet) the header is ignored altogether.

A request that carries fewer entries than there are trusted proxies did not come
through them all, and is keyed by its TCP peer.
"""

import ipaddress

from django.conf import settings

# What a request without any usable address counts as (a Unix socket without a proxy
# setting): all such requests share one rate-limit bucket.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a value, not a bind address


def valid_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except (ValueError, AttributeError):
        return None


def client_ip(request):
    """The client's address as the outermost trusted proxy saw it (see the module docstring)."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
        if len(forwarded) >= count:
            address = valid_address(forwarded[-count])
            if address:
                return address
    return valid_address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN_ADDRESS
