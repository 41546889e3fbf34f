"""`make check`'s three checks, run by the suite: Django's system checks with no warning, no model
change without its migration, and the deployment checks with production settings.

Inside the suite they run beside the other tests (first, while the migrated database the tests
start from is still being made) instead of before all of them.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def manage(*arguments, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=PROJECT, env={**os.environ, **env}, capture_output=True, text=True
    )


def test_system_checks_find_nothing():
    result = manage("check", "--fail-level", "WARNING", DJANGO_SETTINGS_MODULE="cms.settings.test")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_model_change_has_its_migration():
    result = manage("makemigrations", "--check", "--dry-run", "--noinput", DJANGO_SETTINGS_MODULE="cms.settings.test")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checks_pass_in_production():
    """As `make check` runs it: a throwaway production environment with Redis (the check asks for it)."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production", REDIS_URL="redis://127.0.0.1:6379/0",
        SECRET_KEY=f"check-deploy-{secrets.token_hex(24)}", ALLOWED_HOSTS="kotoutuminen.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
