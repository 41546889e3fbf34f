"""Build the demo site: `python manage.py load_demo_content`.

Idempotent: a second run finds every object and changes nothing. Each app adds its
content in a module `<app>/demo.py` with an `ORDER`, a `load(ctx)` function and, for what
needs every app's content first, an optional `finish(ctx)`; this
command runs them in order, so `cms` needs to import no app.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from cms.demo import DemoContext, Progress

DEV_ADMIN = ("admin", "admin")
# Development only: one user per role, password = user name, so each flow can be tried by hand.
DEV_ROLE_USERS = [
    ("editor", "Editors"),
    ("panel", "Expert panel"),
    ("translator", "Translators"),
    ("moderator", "Comment moderators"),
]


def demo_loaders():
    loaders = []
    for app_config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{app_config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
            continue
        if hasattr(module, "load"):
            loaders.append(module)
    return sorted(loaders, key=lambda module: module.ORDER)


class Command(BaseCommand):
    help = "Create the demo site in Finnish with Swedish and English translations (idempotent)."

    def handle(self, *args, **options):
        progress = Progress(self.stdout.write)
        user = self.admin_user()
        ctx = DemoContext(home=None, user=user, progress=progress, objects={})
        loaders = demo_loaders()
        for module in loaders:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{module.__name__}: {module.__doc__.strip().splitlines()[0]}"))
            module.load(ctx)
        # A second pass for what needs every app's content first (menus, footers).
        for module in loaders:
            if hasattr(module, "finish"):
                module.finish(ctx)
        self.sync_locale_trees()
        self.stdout.write(
            self.style.SUCCESS(f"Done: {progress.created} objects created, {progress.existing} already there.")
        )
        if settings.DEBUG:
            self.role_users()
            self.stdout.write(
                f"Log in at /admin/ as '{DEV_ADMIN[0]}' with the password '{DEV_ADMIN[1]}' (development only)."
            )

    def admin_user(self):
        """A superuser to own the content; in development one you can log in as."""
        User = get_user_model()
        user = User.objects.filter(is_superuser=True).order_by("pk").first()
        if user is None and settings.DEBUG:
            user = User.objects.create_superuser(DEV_ADMIN[0], "admin@kotoutuminen.example", DEV_ADMIN[1])
            self.stdout.write(f"  created  superuser: {user}")
        return user

    def role_users(self):
        User = get_user_model()
        for username, group_name in DEV_ROLE_USERS:
            group = Group.objects.filter(name=group_name).first()
            if group is None or User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(username, f"{username}@kotoutuminen.example", username)
            user.groups.add(group)
            self.stdout.write(f"  created  user: {username} ({group_name}), password '{username}'")

    def sync_locale_trees(self):
        """Give every page not yet translated an alias in the synced locales, as wagtail-localize does."""
        for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
            synchronize_tree(sync.sync_from, sync.locale)
        counts = ", ".join(
            f"{locale.language_code} {Page.objects.filter(locale=locale).count()} pages"
            for locale in Locale.objects.order_by("pk")
        )
        self.stdout.write(f"Locale trees in sync ({counts}).")
