"""Limits per client address, counted in the shared cache: one function for every limit of the site.

The address is `cms.client_address.client_ip` (django-ratelimit's "ip" key through
RATELIMIT_IP_META_KEY) and the count lives in the `default` cache (RATELIMIT_USE_CACHE):
Redis in production, so every worker and server shares it.
"""

from django_ratelimit.core import is_ratelimited


def over_limit(request, group, rate):
    """Count this request against `rate` for its client address; True once the limit is passed."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method=is_ratelimited.ALL, increment=True)
