"""Every 500 is logged with its traceback and the request id, to stderr and to ADMINS when set."""

import io
import json
import logging
import re

import pytest
from django.core import mail
from django.test import Client

from tests.test_settings import load_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.error_urls"
    settings.ADMINS = []


@pytest.fixture
def stderr_log():
    """What the configured stderr handler writes, through its own formatter and filters."""
    (handler,) = [h for h in logging.getLogger("django").handlers if isinstance(h, logging.StreamHandler)]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_500_is_logged_with_its_traceback_and_request_id(failing_site, stderr_log):
    response = Client(raise_request_exception=False).get("/test-failure/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    # The visitor can quote the id; the log has it beside the traceback.
    assert request_id in response.content.decode()
    log = stderr_log.getvalue()
    assert f"ERROR django.request [request {request_id}] Internal Server Error: /test-failure/" in log
    assert "Traceback (most recent call last)" in log
    assert "DeliberateFailure: a bug in a view" in log
    assert mail.outbox == []


def test_every_request_gets_its_own_id(client, home):
    first, second = client.get("/")["X-Request-ID"], client.get("/")["X-Request-ID"]
    assert first != second


def test_a_500_is_mailed_to_admins_when_they_are_set(failing_site, settings):
    settings.ADMINS = [("Ylläpito", "yllapito@kotoutuminen.example")]
    response = Client(raise_request_exception=False).get("/test-failure/")
    assert response.status_code == 500
    (message,) = mail.outbox
    assert message.to == ["yllapito@kotoutuminen.example"]
    assert "/test-failure/" in message.subject
    assert "DeliberateFailure" in message.body


def test_a_request_id_from_a_client_is_not_trusted_without_proxies(client, home, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client.get("/", HTTP_X_REQUEST_ID="forged-request-id-1")["X-Request-ID"] != "forged-request-id-1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get("/", HTTP_X_REQUEST_ID="proxy-request-id-1")["X-Request-ID"] == "proxy-request-id-1"
    assert client.get("/", HTTP_X_REQUEST_ID="bad id\r\nX: y")["X-Request-ID"] != "bad id\r\nX: y"


def test_admins_come_from_the_environment():
    result = load_settings(
        "cms.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kotoutuminen.example",
        ADMINS="yllapito@kotoutuminen.example, kehitys@kotoutuminen.example",
    )
    assert result.returncode == 0, result.stderr
    admins = json.loads(result.stdout)["admins"]
    assert admins == [["yllapito@kotoutuminen.example"] * 2, ["kehitys@kotoutuminen.example"] * 2]
