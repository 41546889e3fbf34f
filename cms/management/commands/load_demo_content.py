"""Build the demo site: `python manage.py load_demo_content`.

The content is data: `<app>/demo_data/*.yaml` (see `cms/demo.py` for the format and the
order in which it is built). Idempotent: a second run finds every object and changes
nothing. `cms` imports no app: models are named by their labels in the data files, and
sections only an app understands go to that app's `demo.py`.
"""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from cms.demo import DemoContext, Progress, load_all

DEV_ADMIN = ("admin", "admin")
# Development only: one user per role, password = user name, so each flow can be tried by hand.
DEV_ROLE_USERS = [
    ("editor", "Editors"),
    ("panel", "Expert panel"),
    ("translator", "Translators"),
    ("moderator", "Comment moderators"),
]


class Command(BaseCommand):
    help = "Create the demo site in Finnish with Swedish and English translations (idempotent)."

    def handle(self, *args, **options):
        progress = Progress(self.stdout.write)
        ctx = DemoContext(user=self.admin_user(), progress=progress)
        # Wagtail updates its reference index ("usage") and the search index on every save,
        # several times per page here; built once at the end they cost a fraction of that.
        with disable_reference_index_auto_update(), search_index_auto_update_off():
            load_all(ctx, lambda text: self.stdout.write(self.style.MIGRATE_HEADING(text)))
            self.sync_locale_trees()
        if progress.created:
            call_command("rebuild_references_index", stdout=self.stdout)
            call_command("update_index", stdout=self.stdout)
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


@contextmanager
def search_index_auto_update_off():
    """Each search backend as if configured with `AUTO_UPDATE: False` (Wagtail's setting, read
    on every save), for the time of the load; `update_index` then builds the index once."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    before = {name: dict(options) for name, options in backends.items()}
    for options in backends.values():
        options["AUTO_UPDATE"] = False
    try:
        yield
    finally:
        for name, options in before.items():
            backends[name].clear()
            backends[name].update(options)
