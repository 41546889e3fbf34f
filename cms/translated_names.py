"""Workaround: group, workflow and task names that migrations store are shown in the admin's language.

Wagtail and this project create groups, workflows and tasks in data
migrations ("Editors", "Moderators", "Expert panel review", …). Their names live in one
`CharField`, so the Finnish and Swedish admin showed them in English everywhere Wagtail
prints them (action menus, dashboards, workflow history, e-mails, user and group
screens). This module replaces the `name` attribute of those models with a descriptor
that returns the active language's translation of the names listed below, from the
project's catalog, and stores the English source whatever language a form sends back, so
lookups by name (`Group.objects.get(name="Expert panel")`) keep working. Names users
give their own groups and workflows are left as typed.

Upstream: Wagtail has no translatable names for workflows, tasks or groups
(wagtail/wagtail `wagtail/models/workflows.py`, `django.contrib.auth.models.Group`).
Remove when it has, or if the project stores these names per language.
"""

from functools import cache

from django.conf import settings
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext, gettext_noop, override

SOURCE_NAMES = {
    # Wagtail's own migrations
    gettext_noop("Editors"),
    gettext_noop("Moderators"),
    gettext_noop("Moderators approval"),
    # this project's migrations and set-up code
    gettext_noop("Expert panel"),
    gettext_noop("Expert panel review"),
    gettext_noop("Comment moderators"),
    gettext_noop("Translators"),
}


@cache
def translations_to_source():
    names = {}
    for language, _name in settings.LANGUAGES:
        with override(language):
            names.update({gettext(name): name for name in SOURCE_NAMES})
    return names


def source_name(value):
    """The stored form of a name: the English source for a translation of one of SOURCE_NAMES."""
    if isinstance(value, str):
        return translations_to_source().get(value, value)
    return value


class TranslatedNameAttribute(DeferredAttribute):
    """A data descriptor for `name`: reads translate the known names, writes store their source."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if value not in SOURCE_NAMES:
            return value
        return gettext(value)

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = source_name(value)


def prep_source_name(field):
    """The value sent to the database is always the source name.

    Raw saves (fixtures, `loaddata`, the test runner's serialized rollback) read the
    attribute, i.e. the translation; lookups may be given a translation too.
    """
    get_prep_value = field.get_prep_value

    def prep(value):
        return get_prep_value(source_name(value))

    return prep


def install():
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    for model in (Group, Workflow, Task):
        field = model._meta.get_field("name")
        setattr(model, field.attname, TranslatedNameAttribute(field))
        field.get_prep_value = prep_source_name(field)
