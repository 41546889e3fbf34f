"""The demo site, built once per test run in an SQLite file of its own, for every test that needs it.

`migrate` and `load_demo_content` take a minute or more; building the site once, in the
background while the other tests run (tests/conftest.py starts it after collection and
runs the tests that need it after most others), and copying the file (and its media folder) for each
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

from cms.sqlite_copy import copy_database

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
        copy_database(self.database, folder / "site.sqlite3")
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

    Every pytest-xdist process of a run makes one with the run's folder (tests/conftest.py): the
    first to claim the folder builds the site, the others wait for what it writes there. The
    migrated, still empty database is kept beside the site (`migrated`): the test processes start
    their SQLite test databases from it instead of migrating each their own.
    """

    def __init__(self, folder):
        self.site = DemoSite(Path(folder))
        self.site.folder.mkdir(parents=True, exist_ok=True)
        self.log = self.site.folder / "build.log"
        self.migrated = self.site.folder / "migrated.sqlite3"
        self.process = None
        self.stopped = False
        self.thread = None
        try:
            os.close(os.open(self.site.folder / "claimed", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return  # another process of this run builds it
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def marker(self, step):
        return self.site.folder / f"{step}.outcome"

    def mark(self, step, outcome):
        """Written whole, then renamed into place: a waiting process never reads half of it."""
        partial = self.site.folder / f"{step}.partial"
        partial.write_text(outcome)
        os.replace(partial, self.marker(step))

    def run(self):
        try:
            with open(self.log, "w") as output:
                if self.manage(output, ["migrate", "--noinput"], DATABASE_URL=f"sqlite:///{self.migrated}"):
                    self.mark("migrated", "ok")
                    # Then what `make run` does on its database: migrate (nothing is left to do), load.
                    copy_database(self.migrated, self.site.database)
                    if self.manage(output, ["migrate", "--noinput"]) and self.manage(output, ["load_demo_content"]):
                        self.mark("built", "ok")
        finally:
            for step in ("migrated", "built"):
                if not self.marker(step).exists():
                    self.mark(step, "failed")

    def manage(self, output, command, **env):
        if self.stopped:
            return False
        self.process = subprocess.Popen(
            MANAGE + command, cwd=PROJECT, env={**self.site.env, **env}, stdout=output, stderr=subprocess.STDOUT
        )
        return self.process.wait() == 0

    def wait_for(self, step, timeout=1800):
        waited = 0.0
        while not self.marker(step).exists() and waited < timeout:
            time.sleep(0.2)
            waited += 0.2
        if not self.marker(step).exists() or self.marker(step).read_text() != "ok":
            raise AssertionError(f"building the demo site failed: see {self.log}")

    def wait(self):
        """The demo site, once built."""
        self.wait_for("built")
        return self.site

    def migrated_database(self):
        """The SQLite file that `migrate` made, once made."""
        self.wait_for("migrated")
        return self.migrated

    def finish(self, interrupted=False):
        """At the end of this process's tests: a build other processes may still wait for is let run to its end."""
        if self.thread is None:
            return
        if interrupted:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
        self.thread.join()
