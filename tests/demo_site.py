"""The demo site, built once per test run in an SQLite file of its own, for every test that needs it.

`load_demo_content` takes about a minute; building it once and copying the file (and its
media folder) for each user is what keeps the suite fast. The demo database is always
SQLite, whatever database the tests themselves use (DATABASE_URL): it is the site
`make run` builds and the browser tests' server serves.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
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
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *command, log_name):
        """Run a management command on this site; returns its output (and fails the test if it fails)."""
        log = self.folder / log_name
        with open(log, "w") as output:
            result = subprocess.run(MANAGE + list(command), cwd=PROJECT, env=self.env, stdout=output, stderr=subprocess.STDOUT)
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


def build_demo_site(folder):
    """`make run`'s first steps: migrate and load the demo content (development settings)."""
    site = DemoSite(Path(folder))
    site.manage("migrate", "--noinput", log_name="migrate.log")
    site.manage("load_demo_content", log_name="load.log")
    return site
