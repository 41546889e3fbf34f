"""The client's address: REMOTE_ADDR, or the entry our own N proxies vouch for; never a header anyone can send."""

import pytest
from django.test import RequestFactory

from cms.client_address import UNKNOWN_ADDRESS, client_ip


def request_from(remote_addr, forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "expected"),
    [
        (0, "198.51.100.1", None, "198.51.100.1"),
        (0, "198.51.100.1", "203.0.113.5", "198.51.100.1"),  # no proxy: the header is anyone's
        (1, "10.0.0.2", "203.0.113.5", "203.0.113.5"),  # the proxy appended the client
        (1, "10.0.0.2", "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # what the client wrote itself is left of it
        (2, "10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "10.0.0.3", "203.0.113.5", "10.0.0.3"),  # did not pass both proxies: the peer
        (1, "10.0.0.2", "", "10.0.0.2"),
        (1, "10.0.0.2", "not-an-address", "10.0.0.2"),
        (1, "10.0.0.2", "203.0.113.5,", "203.0.113.5"),
        (1, "10.0.0.2", " 2001:db8::1 ", "2001:db8::1"),
        (0, "", None, UNKNOWN_ADDRESS),
        (0, "garbage", None, UNKNOWN_ADDRESS),
    ],
)
def test_client_ip(settings, proxies, remote_addr, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from(remote_addr, forwarded_for)) == expected


def test_every_rate_limit_keys_on_it(settings):
    """django-ratelimit's "ip" key is this function (RATELIMIT_IP_META_KEY), in the shared cache."""
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXY_COUNT = 1
    assert settings.RATELIMIT_USE_CACHE == "default"
    assert _get_ip(request_from("10.0.0.2", "203.0.113.5")) == "203.0.113.5"
