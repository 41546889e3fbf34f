"""Parallel adoption reports against gunicorn: every one stored (held), none answered 5xx, on SQLite and PostgreSQL."""

import threading

import pytest

from tests.factories.practices import PracticeModelPageFactory
from tests.live_gunicorn import Visitor, gunicorn, production_static  # noqa: F401 - fixtures

# serialized_rollback: the data migrations' rows (locales, groups, the root page) come back after a flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORTS = 12


def test_twelve_parallel_reports_on_one_practice_are_all_stored(gunicorn, index):  # noqa: F811
    practice = PracticeModelPageFactory(parent=index, title="Mentorointi nuorille")
    server, database = gunicorn(threads=6, ADOPTION_REPORT_RATE="1000/h")
    url = f"/adoption/{practice.pk}/"
    visitors = [Visitor(server.port) for _ in range(REPORTS)]
    forms = [visitor.form_fields(url, "form.adoption-report-form") for visitor in visitors]
    start = threading.Barrier(REPORTS)
    statuses = [None] * REPORTS

    def report(number):
        fields = {**forms[number], "organisation": f"Kunta {number}", "municipality": "Tampere",
                  "adopted_on": "2024-03", "experiences": "Toimii.", "contact_name": "Maija",
                  "contact_email": f"maija{number}@example.org"}
        start.wait()
        statuses[number] = visitors[number].post(url, fields)[0]

    threads = [threading.Thread(target=report, args=(number,)) for number in range(REPORTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert statuses == [302] * REPORTS
    assert database.scalar("SELECT COUNT(*) FROM practices_adoptionreport WHERE status = 'held'") == REPORTS
    assert database.scalar("SELECT COUNT(DISTINCT organisation) FROM practices_adoptionreport") == REPORTS
