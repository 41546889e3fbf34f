"""The demo site, built once per test run in an SQLite file of its own, for every test that needs it.

`migrate` and `load_demo_content` take a minute or more; building the site once, in the
background while the other tests run (tests/conftest.py starts it after collection and
runs the tests that need it last), and copying the file (and its media folder) for each
user that writes is what keeps the suite fast. The demo database is always
SQLite, whatever database the tests themselves use (DATABASE_URL): it is the site
`make run` builds and the browser tests' server serves.
"""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
NO_SERVICES = ("REDIS_URL", "OPENSEARCH_URL", "ELASTICSEARCH_URL")
MANAGE = [sys.executable, str(PROJECT / "manage.py")]


@dataclass(frozen=True)
class DemoSite:
    """A demo database and its media folder in `folder`."""

    folder: Path

    @property
    def database(self):
        return self.folder / "site.sqlite3"

    @property
    def env(self):
        # As `make run` serves it: no services. Above all not the tests' Redis, which the demo
        # build's processes would share with the tests (cached pages, sites, generations).
        inherited = {key: value for key, value in os.environ.items() if key not in NO_SERVICES}
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *command, log_name, env=None):
        """Run a management command on this site; returns its output (and fails the test if it fails)."""
        log = self.folder / log_name
        with open(log, "w") as output:
            result = subprocess.run(
                MANAGE + list(command), cwd=PROJECT, env={**self.env, **(env or {})}, stdout=output, stderr=subprocess.STDOUT
            )
        if result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(command)} failed: see {log}")
        return log.read_text()

    def copy(self, folder):
        """An independent copy, for a user that writes (a server, a second load)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.database, folder / "site.sqlite3")
        if (self.folder / "media").exists():
            shutil.copytree(self.folder / "media", folder / "media", dirs_exist_ok=True)
        return DemoSite(folder)

    def inventory(self):
        """What the site holds (tests/demo_inventory.py), read in a fresh process."""
        result = subprocess.run(
            [sys.executable, "-m", "tests.demo_inventory"], cwd=PROJECT, env=self.env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


class DemoBuild:
    """`make run`'s first steps, migrate and load the demo content, in processes of their own.

    Every pytest-xdist worker of a run makes one with the run's folder (tests/conftest.py): the
    first to claim the folder builds the site, the others wait for the outcome it writes there.
    """

    def __init__(self, folder):
        self.site = DemoSite(Path(folder))
        self.site.folder.mkdir(parents=True, exist_ok=True)
        self.log = self.site.folder / "build.log"
        self.outcome = self.site.folder / "outcome"
        self.process = None
        self.stopped = False
        self.thread = None
        try:
            os.close(os.open(self.site.folder / "claimed", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return  # another worker of this run builds it
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    @property
    def builds_here(self):
        return self.thread is not None

    def run(self):
        outcome = "failed"
        try:
            with open(self.log, "w") as output:
                for command in (["migrate", "--noinput"], ["load_demo_content"]):
                    if self.stopped:
                        return
                    self.process = subprocess.Popen(
                        MANAGE + command, cwd=PROJECT, env=self.site.env, stdout=output, stderr=subprocess.STDOUT
                    )
                    if self.process.wait() != 0:
                        return
            outcome = "ok"
        finally:
            self.outcome.write_text(outcome)

    def wait(self, timeout=1800):
        if self.thread is not None:
            self.thread.join()
        waited = 0.0
        while not self.outcome.exists() and waited < timeout:
            time.sleep(0.5)
            waited += 0.5
        if not self.outcome.exists() or self.outcome.read_text() != "ok":
            raise AssertionError(f"building the demo site failed: see {self.log}")
        return self.site

    def finish(self, interrupted=False):
        """At the end of this process's tests: a build other workers may still wait for is let run to its end."""
        if self.thread is None:
            return
        if interrupted:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
        self.thread.join()
