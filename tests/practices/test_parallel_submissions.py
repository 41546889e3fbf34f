"""Parallel submissions of practices with one title, against gunicorn: every one stored, none answered 5xx.

Two worker processes with ten threads each take twenty submissions at the same moment.
Before the collection was locked, half of them collided on the tree path or the slug on
PostgreSQL and were lost with a 500.
"""

import threading

import pytest

from tests.live_gunicorn import Visitor, gunicorn, production_static  # noqa: F401 - fixtures
from tests.practices.test_review import submission_data

# serialized_rollback: the data migrations' rows (locales, groups, the root page) come back after a flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBMISSIONS = 20


def test_twenty_parallel_submissions_with_the_same_title_are_all_stored(gunicorn, open_call, index):  # noqa: F811
    server, database = gunicorn(threads=10, PRACTICE_SUBMISSION_RATE="1000/h")
    visitors = [Visitor(server.port) for _ in range(SUBMISSIONS)]
    forms = [visitor.form_fields(open_call.url, "form[enctype='multipart/form-data']") for visitor in visitors]
    start = threading.Barrier(SUBMISSIONS)
    statuses = [None] * SUBMISSIONS

    def submit(number):
        fields = {**submission_data(title="Mentorointi: yhdessä töihin"),
                  "csrfmiddlewaretoken": forms[number]["csrfmiddlewaretoken"]}
        start.wait()
        statuses[number] = visitors[number].post(open_call.url, fields)[0]

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert statuses == [302] * SUBMISSIONS
    assert database.scalar("SELECT COUNT(*) FROM practices_practicesubmission") == SUBMISSIONS
    assert database.scalar("SELECT COUNT(*) FROM practices_practicemodelpage") == SUBMISSIONS
    slugs = database.scalar(
        "SELECT COUNT(DISTINCT slug) FROM wagtailcore_page WHERE id IN (SELECT page_ptr_id FROM practices_practicemodelpage)"
    )
    assert slugs == SUBMISSIONS
    # The tree is whole: the collection counts its children right, each in its own path.
    children = database.scalar("SELECT COUNT(*) FROM wagtailcore_page WHERE path LIKE ? AND depth = ?",
                               (index.path + "%", index.depth + 1))
    assert children == SUBMISSIONS + 1  # and the call
    assert database.scalar("SELECT numchild FROM wagtailcore_page WHERE id = ?", (index.pk,)) == SUBMISSIONS + 1
    assert database.scalar("SELECT COUNT(*) FROM wagtailcore_workflowstate WHERE status = 'in_progress'") == SUBMISSIONS
    assert database.scalar(
        "SELECT COUNT(*) FROM practices_practicesubmission WHERE emails_sent_at IS NOT NULL"
    ) == SUBMISSIONS
